import { INBOUND_WEBHOOK_PATH } from '../constants';
import { sendProbe, type ProbeOutcome } from '../probe';
import { publicUrlRules, type UrlFinding } from '../public-url-rules';
import { describeDifferences } from '../url-mismatch';
import { finding, worst, type CheckDefinition } from '../types';

type Part = UrlFinding;

const probePart = (outcome: ProbeOutcome, base: string, publicUrlSet: boolean): Part => {
  const setIt = `Set WHATSAPP_PUBLIC_URL=${base} (the address Twilio posts to).`;
  switch (outcome.kind) {
    case 'unreachable':
      return {
        state: 'failing',
        text: `Nothing answered a probe posted to ${outcome.url} (${outcome.error}).`,
        fix: 'Check WHATSAPP_PUBLIC_URL: it must be this server’s address as seen from the internet. Check DNS, the proxy or tunnel in front of the app, and the firewall.',
      };
    case 'redirect':
      return {
        state: 'failing',
        text: `${outcome.url} answers with a redirect (HTTP ${outcome.status}${outcome.location ? ` to ${outcome.location}` : ''}). Twilio signs the URL it posts to, so a redirected webhook fails its signature check.`,
        fix: outcome.location
          ? `Set WHATSAPP_PUBLIC_URL to the address the redirect leads to (${new URL(outcome.location, outcome.url).origin}) and paste that address into Twilio.`
          : 'Set WHATSAPP_PUBLIC_URL to the final address (usually https://) and paste that address into Twilio.',
      };
    case 'not-this-app':
      return {
        state: 'failing',
        text: `A probe posted to ${outcome.url} was answered (HTTP ${outcome.status}), but not by this app: WHATSAPP_PUBLIC_URL points at another server, or the proxy does not pass /api/whatsapp/ to this app.`,
        fix: 'Point WHATSAPP_PUBLIC_URL at this server, and make the proxy forward /api/whatsapp/ to it unchanged.',
      };
    case 'signature-mismatch':
      return {
        state: 'failing',
        text:
          `A probe posted to ${outcome.url} reached this app, but its signature did not validate: Twilio signs the URL it posts to (${outcome.url}), ` +
          `while the app checked it against ${outcome.checkedUrl}: ${describeDifferences(outcome.differences, { expected: 'Twilio', actual: 'app' })}. ` +
          'A proxy in front rewrites the request, so every real webhook would be refused with 403.',
        fix: publicUrlSet
          ? 'Make the proxy forward the original path and query unchanged, or set WHATSAPP_PUBLIC_URL to the address Twilio posts to.'
          : setIt,
      };
    case 'ok': {
      const rewrites = outcome.rewrites.filter((difference) => difference.part !== 'path' && difference.part !== 'query');
      const note = rewrites.length
        ? ` The proxy in front rewrites the request (${describeDifferences(rewrites, { expected: 'public', actual: 'as received' })}); signatures still validate because they are checked against WHATSAPP_PUBLIC_URL.`
        : '';
      return { state: 'ok', text: `A signed probe posted to ${outcome.url} came back to this app and its signature validated.${note}`, fix: null };
    }
  }
};

/**
 * WHATSAPP_PUBLIC_URL is set (HTTPS in production, not a private address), and a signed probe
 * posted to it comes back to this app with a valid signature: reachability and the proxy in one.
 */
export const publicUrlCheck: CheckDefinition = {
  id: 'public-url',
  title: 'Public HTTPS URL',
  async run(context) {
    const settings = await context.settings();
    const emulator = settings.mode === 'emulator';
    const parts: Part[] = [];
    const base = settings.publicUrl ?? null;
    let probeTarget: string | null = base;

    if (!base) {
      const hook = await context.twilioWebhook().catch(() => null);
      const fromTwilio = hook?.url?.endsWith(INBOUND_WEBHOOK_PATH) ? hook.url.slice(0, -INBOUND_WEBHOOK_PATH.length) : null;
      probeTarget = fromTwilio ?? context.serverUrl();
      parts.push({
        state: 'failing',
        text:
          'WHATSAPP_PUBLIC_URL is not set: messages go out without a StatusCallback, so no delivery status arrives, and incoming webhooks are checked against ' +
          (context.serverUrl() ? `the app's server.url (${context.serverUrl()})` : 'the address each request arrives at, which is wrong behind a proxy') +
          '.',
        fix: probeTarget
          ? `Set WHATSAPP_PUBLIC_URL=${probeTarget} (the address Twilio posts to).`
          : 'Set WHATSAPP_PUBLIC_URL to the HTTPS address Twilio uses to reach this server, e.g. https://cms.example.com.',
      });
    } else {
      const { findings, probeable } = publicUrlRules(base, { emulator, production: context.production() });
      parts.push(...findings);
      if (!probeable) probeTarget = null;
    }

    let probe: ProbeOutcome | null = null;
    if (probeTarget && settings.authToken) {
      probe = await sendProbe(probeTarget, settings.authToken);
      parts.push(probePart(probe, probeTarget, Boolean(base)));
    } else if (probeTarget) {
      parts.push({ state: 'failing', text: 'The probe needs the auth token (it is signed like a Twilio webhook).', fix: 'Set TWILIO_AUTH_TOKEN.' });
    }

    const state = worst(...parts.map((part) => part.state));
    const fix = parts.find((part) => part.state === state && part.fix)?.fix ?? null;
    return finding(state, parts.map((part) => part.text).join(' '), state === 'ok' ? null : fix, {
      publicUrl: settings.publicUrl ?? null,
      probed: probeTarget,
      probe,
    });
  },
};
