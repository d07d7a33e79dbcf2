import { normalizeScope, scopeKey } from '../sync-scope';

describe('sync scope', () => {
  it('keys everything and a campaign plainly', () => {
    expect(scopeKey({ kind: 'all' })).toBe('all');
    expect(scopeKey({ kind: 'campaign', campaign: 'abc' })).toBe('campaign:abc');
  });

  it('gives the same chosen messages the same key, whatever their order or repeats', () => {
    const one = scopeKey({ kind: 'messages', messages: ['b', 'a', 'a'] });
    expect(one).toMatch(/^messages:[0-9a-f]{40}$/);
    expect(scopeKey({ kind: 'messages', messages: ['a', 'b'] })).toBe(one);
    expect(scopeKey({ kind: 'messages', messages: ['a', 'c'] })).not.toBe(one);
    expect(normalizeScope({ kind: 'messages', messages: ['b', 'a', 'b'] })).toEqual({ kind: 'messages', messages: ['a', 'b'] });
  });
});
