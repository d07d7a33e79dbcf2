import { CONSOLE } from '../links';
import { INBOUND_WEBHOOK_PATH } from '../constants';
import { describeDifferences, urlDifferences } from '../url-mismatch';
import { finding, type CheckDefinition } from '../types';

/**
 * The sender's "a message comes in" URL at Twilio is this app's webhook, where Twilio's API tells
 * (a number, a WhatsApp sender, a Messaging Service); otherwise, what to paste where.
 */
export const webhookCheck: CheckDefinition = {
  id: 'webhook',
  title: 'Incoming-message webhook at Twilio',
  async run(context) {
    const settings = await context.settings();
    if (!settings.publicUrl) {
      return finding('failing', 'The webhook URL to give Twilio is built from WHATSAPP_PUBLIC_URL, which is not set.', 'Set WHATSAPP_PUBLIC_URL first (see the public URL step).', { expected: null });
    }
    const expected = `${settings.publicUrl}${INBOUND_WEBHOOK_PATH}`;
    const paste = (where: string) => `Paste ${expected} into ${where}, method HTTP POST, and save.`;
    const found = await context.sender();
    const details = { expected };

    if (found.kind === 'sandbox') {
      return finding(
        'warning',
        "Twilio's API does not show the sandbox's webhook, so it cannot be checked from here.",
        paste('Messaging › Try it out › Send a WhatsApp message › Sandbox settings › "When a message comes in"'),
        { ...details, configured: null },
        [CONSOLE.sandboxSettings]
      );
    }
    if (found.kind === 'none' || found.kind === 'blocked' || found.kind === 'error') {
      return finding('warning', 'The sender is not known yet, so its webhook cannot be checked.', `Fix the sender step first. Then: ${paste('the WhatsApp sender’s (or Messaging Service’s) incoming-message webhook')}`, { ...details, configured: null }, [CONSOLE.senders]);
    }
    const hook = await context.twilioWebhook();
    if (!hook) {
      return finding('warning', 'Twilio’s API does not show an incoming-message URL for this sender.', paste('the WhatsApp sender’s endpoint configuration (Messaging › Senders › WhatsApp senders)'), { ...details, configured: null }, [CONSOLE.senders]);
    }
    const link = found.kind === 'service' && found.service && !found.service.useInboundWebhookOnNumber ? CONSOLE.services : CONSOLE.senders;
    const configured = { url: hook.url, method: hook.method, where: hook.where };
    if (!hook.url) {
      return finding('failing', `No incoming-message URL is set on ${hook.where}: replies from candidates never reach this app.`, paste(hook.where), { ...details, configured }, [link]);
    }
    const differences = urlDifferences(expected, hook.url);
    if (differences.length) {
      return finding(
        'failing',
        `Twilio posts incoming messages for ${hook.where} to ${hook.url}, but this app expects ${expected}: ${describeDifferences(differences, { expected: 'this app', actual: 'Twilio' })}. ` +
          'Messages either never reach this app, or fail the signature check (403), which is computed over the URL Twilio posts to.',
        paste(hook.where),
        { ...details, configured, differences },
        [link]
      );
    }
    if (hook.method && hook.method.toUpperCase() !== 'POST') {
      return finding('failing', `Twilio calls ${hook.url} with HTTP ${hook.method}; the webhook only accepts POST (405 otherwise).`, `Set the method of the incoming-message webhook on ${hook.where} to HTTP POST.`, { ...details, configured }, [link]);
    }
    return finding('ok', `Twilio posts incoming messages for ${hook.where.split(' (')[0]} to ${hook.url} (HTTP POST).`, null, { ...details, configured }, [link]);
  },
};
