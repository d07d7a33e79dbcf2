import { describe, expect, it } from '@jest/globals';
import { messagesExportQuerySchema, recipientsExportQuerySchema } from '../validation';

describe('export queries', () => {
  it('reads a day as its first instant, and as `to` the whole day', () => {
    const parsed = messagesExportQuerySchema.parse({ from: '2026-03-01', to: '2026-03-01' });
    expect(parsed.from?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parsed.to?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('takes instants with an offset as they are', () => {
    const parsed = messagesExportQuerySchema.parse({ from: '2026-03-01T10:00:00+05:30' });
    expect(parsed.from?.toISOString()).toBe('2026-03-01T04:30:00.000Z');
    expect(parsed.to).toBeNull();
  });

  it('refuses a range that ends before it starts, a bad date and unknown parameters', () => {
    expect(messagesExportQuerySchema.safeParse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
    expect(messagesExportQuerySchema.safeParse({ from: '01/03/2026' }).success).toBe(false);
    expect(messagesExportQuerySchema.safeParse({ page: '1' }).success).toBe(false);
  });

  it('reads comma-separated and repeated statuses, without duplicates', () => {
    expect(recipientsExportQuerySchema.parse({ campaign: 'abc', status: 'failed, undelivered,failed' }).statuses).toEqual(['failed', 'undelivered']);
    expect(recipientsExportQuerySchema.parse({ campaign: 'abc', status: ['read', 'sent'] }).statuses).toEqual(['read', 'sent']);
    expect(recipientsExportQuerySchema.parse({ campaign: 'abc' }).statuses).toBeNull();
    expect(recipientsExportQuerySchema.safeParse({ campaign: 'abc', status: 'lost' }).success).toBe(false);
  });
});
