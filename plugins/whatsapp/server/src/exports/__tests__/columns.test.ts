import { describe, expect, it } from '@jest/globals';
import { CANDIDATE_COLUMNS, RECIPIENT_COLUMNS, cellText } from '../columns';

const valueOf = (columns: typeof RECIPIENT_COLUMNS, header: string, row: Record<string, unknown>) => columns.find((column) => column.header === header)!.value(row);

describe('cellText', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1 (555) call me', `'+1 (555) call me`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTab', `'\tTab`],
    ['Asha Rao', 'Asha Rao'],
    ['a=b', 'a=b'],
  ])('writes %j as %j', (input, output) => {
    expect(cellText(input)).toBe(output);
  });

  it('writes null and undefined as an empty cell', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });
});

describe('export columns', () => {
  it('explains a Twilio error code in words, falls back to Twilio\'s message, and leaves no error empty', () => {
    expect(valueOf(RECIPIENT_COLUMNS, 'error', { error_code: 63016 })).toMatch(/24-hour window/);
    expect(valueOf(RECIPIENT_COLUMNS, 'error', { error_code: 12345, error_message: 'Odd' })).toBe('Twilio error 12345: Odd');
    expect(valueOf(RECIPIENT_COLUMNS, 'error', { error_code: null, error_message: 'Gave up after 5 attempts' })).toBe('Gave up after 5 attempts');
    expect(valueOf(RECIPIENT_COLUMNS, 'error', { error_code: null, error_message: null })).toBe('');
  });

  it('writes times in ISO 8601 UTC and a phone in E.164 as it is', () => {
    expect(valueOf(RECIPIENT_COLUMNS, 'sent_at', { sent_at: new Date('2026-03-01T09:00:01.000Z') })).toBe('2026-03-01T09:00:01.000Z');
    expect(valueOf(RECIPIENT_COLUMNS, 'phone', { candidate_phone: '+919876543210' })).toBe('+919876543210');
  });

  it('joins tags by "; " and writes attributes as JSON (jsonb may arrive as text)', () => {
    expect(valueOf(CANDIDATE_COLUMNS, 'tags', { tags: '["batch-2026","pune"]' })).toBe('batch-2026; pune');
    expect(valueOf(CANDIDATE_COLUMNS, 'attributes', { attributes: { role: 'Analyst' } })).toBe('{"role":"Analyst"}');
    expect(valueOf(CANDIDATE_COLUMNS, 'attributes', { attributes: {} })).toBe('');
  });
});
