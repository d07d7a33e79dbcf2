import { guessMapping, uniqueHeaders } from '../../../../shared/candidate-import';
import { parsePhone } from '../../domain/phone';
import { detectDelimiter } from '../read-rows';
import { columnPlans, readRow, splitTags } from '../row-plan';

const parse = (input: string) => parsePhone(input, 'IN');

describe('candidate import rules', () => {
  it('splits a tags cell on ; or , and drops blanks and repeats', () => {
    expect(splitTags('a;b;c')).toEqual(['a', 'b', 'c']);
    expect(splitTags(' a , b;;a ')).toEqual(['a', 'b']);
  });

  it('detects the delimiter from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('Name,Phone,Tags')).toBe(',');
    expect(detectDelimiter('Name;Phone;"Tags, all"')).toBe(';');
    expect(detectDelimiter('Name\tPhone')).toBe('\t');
    expect(detectDelimiter('Phone')).toBe(',');
  });

  it('guesses the mapping from headers and keeps repeated headers apart', () => {
    const headers = uniqueHeaders(['Name', 'Mobile', 'E-mail', 'Tags', 'Passing Year', 'Name', '']);
    expect(headers).toEqual(['Name', 'Mobile', 'E-mail', 'Tags', 'Passing Year', 'Name (2)', 'Column 7']);
    expect(guessMapping(headers)).toEqual({
      Name: 'name', Mobile: 'phone', 'E-mail': 'email', Tags: 'tags', 'Passing Year': 'attribute:passing_year', 'Name (2)': 'attribute:name_2', 'Column 7': 'attribute:column_7',
    });
  });

  it('reads a row through the plan: E.164, invalid reasons, blank rows', () => {
    const plans = columnPlans(['Phone', 'Name', 'Email', 'Tags', 'City'], { Phone: 'phone', Name: 'name', Email: 'email', Tags: 'tags', City: 'attribute:city' });
    expect(readRow(['98765 43210', 'Asha', '', 'a;b', 'Pune'], plans, parse)).toEqual({
      ok: true,
      row: { phone: '+919876543210', name: 'Asha', email: null, tags: ['a', 'b'], attributes: { city: 'Pune' } },
    });
    expect(readRow(['', '', '', '', ''], plans, parse)).toEqual({ ok: 'blank' });
    expect(readRow(['', 'Asha', '', '', ''], plans, parse)).toEqual({ ok: false, reason: 'No phone number', phone: null });
    expect(readRow(['12345', 'Asha', '', '', ''], plans, parse)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a valid phone/) });
    expect(readRow(['9876543210', '', 'nope', '', ''], plans, parse)).toMatchObject({ ok: false, phone: '+919876543210', reason: expect.stringMatching(/e-mail/) });
  });
});
