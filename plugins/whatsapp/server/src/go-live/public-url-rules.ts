import type { GoLiveCheckState } from '../../../shared/go-live';

/** One finding of the public-URL check: its state, the words, and the fix. Pure, no Strapi imports. */
export type UrlFinding = { state: GoLiveCheckState; text: string; fix: string | null };

// Loopback, private ranges (RFC 1918), link-local and mDNS names: nothing Twilio can reach.
const PRIVATE_HOST = /^(localhost|.*\.local|.*\.localhost|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;

/**
 * What is wrong with WHATSAPP_PUBLIC_URL as written, before anything is sent to it (and whether
 * it can be probed at all): not a URL,
 * not HTTPS (failing in production, a warning elsewhere), a private address. With the emulator
 * the URL is on this machine by design, so only its form is checked.
 */
export const publicUrlRules = (
  base: string,
  options: { emulator: boolean; production: boolean }
): { findings: UrlFinding[]; probeable: boolean } => {
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    const fix = 'Set WHATSAPP_PUBLIC_URL to an absolute URL such as https://cms.example.com.';
    return { findings: [{ state: 'failing', text: `WHATSAPP_PUBLIC_URL (${base}) is not a URL.`, fix }], probeable: false };
  }
  if (!/^https?:$/.test(parsed.protocol)) {
    const fix = 'Set WHATSAPP_PUBLIC_URL to the https:// address of this server.';
    return { findings: [{ state: 'failing', text: `WHATSAPP_PUBLIC_URL (${base}) is not an http(s) URL.`, fix }], probeable: false };
  }
  const findings: UrlFinding[] = [];
  if (parsed.protocol !== 'https:' && !options.emulator) {
    findings.push({
      state: options.production ? 'failing' : 'warning',
      text: `WHATSAPP_PUBLIC_URL (${base}) uses http, not HTTPS: candidates' messages would cross the internet unencrypted.`,
      fix: 'Serve the app over HTTPS (a TLS-terminating proxy or load balancer) and set WHATSAPP_PUBLIC_URL to its https:// address.',
    });
  }
  if (PRIVATE_HOST.test(parsed.hostname) && !options.emulator) {
    findings.push({
      state: 'failing',
      text: `WHATSAPP_PUBLIC_URL (${base}) is a local or private address: Twilio cannot reach it from the internet.`,
      fix: 'Use the public domain of the server, or while testing a tunnel (ngrok, cloudflared) and its https:// address.',
    });
  }
  if (!findings.length) {
    findings.push({ state: 'ok', text: `WHATSAPP_PUBLIC_URL is ${base}${options.emulator ? ' (the emulator posts to it on this machine)' : ''}.`, fix: null });
  }
  return { findings, probeable: true };
};
