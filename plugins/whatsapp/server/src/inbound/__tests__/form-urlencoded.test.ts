import twilio from 'twilio';
import { fromParsedForm, parseFormBody } from '../form-urlencoded';

describe('parseFormBody', () => {
  it('reads what URLSearchParams writes, including + and percent-encoded UTF-8', () => {
    const params = { Body: 'Namaste 🙏 a+b = c & d', MessageSid: 'SM1', Empty: '' };
    const parsed = parseFormBody(new URLSearchParams(params).toString());
    expect(parsed).toEqual({ ok: true, params: expect.objectContaining(params) });
  });

  it('keeps names that qs would reshape or drop, so the signature is over what was posted', () => {
    const parsed = parseFormBody('a%5Bb%5D=1&c.d=2&__proto__=3&constructor=4');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect({ ...parsed.params }).toEqual({ 'a[b]': '1', 'c.d': '2', ['__proto__']: '3', constructor: '4' });
    expect(Object.keys(parsed.params)).toEqual(['a[b]', 'c.d', '__proto__', 'constructor']);
  });

  it('keeps every value of a repeated name, the way Twilio signs them', () => {
    const parsed = parseFormBody('Tag=b&Tag=a');
    expect(parsed).toEqual({ ok: true, params: expect.objectContaining({ Tag: ['b', 'a'] }) });
    if (!parsed.ok) return;
    const url = 'https://example.com/hook';
    expect(twilio.validateRequest('token', twilio.getExpectedTwilioSignature('token', url, { Tag: ['a', 'b'] }), url, parsed.params)).toBe(true);
  });

  it.each([
    ['percent-encoded bytes that are not UTF-8', 'Body=%FF%FE'],
    ['a truncated sequence', 'Body=%E2%82'],
    ['an encoded surrogate', 'Body=%ED%A0%80'],
    ['a broken escape', 'Body=%G1'],
    ['raw bytes already replaced by U+FFFD', 'Body=\uFFFD'],
    ['a NUL character', 'Body=a%00b'],
  ])('refuses %s', (_label, raw) => {
    expect(parseFormBody(raw)).toEqual({ ok: false, reason: expect.any(String) });
  });

  it('reads an empty body as no parameters', () => {
    expect(parseFormBody('')).toEqual({ ok: true, params: {} });
  });
});

describe('fromParsedForm', () => {
  it('accepts flat string values', () => {
    expect(fromParsedForm({ A: '1', B: ['x', 'y'] })).toEqual({ ok: true, params: { A: '1', B: ['x', 'y'] } });
  });
  it('refuses nested values, which Twilio never posts', () => {
    expect(fromParsedForm({ A: { b: '1' } })).toEqual({ ok: false, reason: expect.any(String) });
  });
});
