import { isProbeProof, isValidProbeRequest, newProbeNonce, PROBE_MAX_AGE_MS, probeProof, probeRequestAuth } from '../probe-token';

describe('probe authentication', () => {
  const token = 'a'.repeat(32);

  it('accepts a fresh probe authenticated with the token, and nothing else', () => {
    const nonce = newProbeNonce();
    expect(isValidProbeRequest(token, nonce, probeRequestAuth(token, nonce))).toBe(true);
    expect(isValidProbeRequest(token, nonce, probeRequestAuth('b'.repeat(32), nonce))).toBe(false);
    expect(isValidProbeRequest(token, nonce, undefined)).toBe(false);
    expect(isValidProbeRequest(token, ['x'], 'y')).toBe(false);
  });

  it('refuses a probe older than the limit', () => {
    const old = newProbeNonce(Date.now() - PROBE_MAX_AGE_MS - 1000);
    expect(isValidProbeRequest(token, old, probeRequestAuth(token, old))).toBe(false);
  });

  it('answers with a proof that differs from the request authentication', () => {
    const nonce = newProbeNonce();
    expect(probeProof(token, nonce)).not.toBe(probeRequestAuth(token, nonce));
    expect(isProbeProof(token, nonce, probeProof(token, nonce))).toBe(true);
    expect(isProbeProof(token, nonce, probeRequestAuth(token, nonce))).toBe(false);
  });
});
