import { CALLBACK_GRACE_SECONDS, readCallbackFigures, RECENT_HOURS } from '../sql';
import { CONSOLE } from '../links';
import { finding, utcText, type CheckDefinition } from '../types';

/** Above this share of recent sends without any callback, callbacks are not arriving at all. */
const FAILING_SHARE = 0.5;

/** Status callbacks arrive: when the last one came, and the share of recent sends still without one. */
export const statusCallbacksCheck: CheckDefinition = {
  id: 'status-callbacks',
  title: 'Delivery status callbacks',
  async run(context) {
    const settings = await context.settings();
    const figures = await readCallbackFigures(context.strapi);
    const share = figures.recentSends ? figures.withoutCallback / figures.recentSends : 0;
    const details = { ...figures, shareWithoutCallback: Math.round(share * 1000) / 1000, windowHours: RECENT_HOURS, graceSeconds: CALLBACK_GRACE_SECONDS };
    const last = figures.lastCallbackAt ? `The last callback arrived at ${utcText(figures.lastCallbackAt)}.` : 'No status callback has arrived yet.';
    if (!settings.publicUrl) {
      return finding('failing', `Messages are sent without a StatusCallback URL because WHATSAPP_PUBLIC_URL is not set, so statuses change only when a status sync asks Twilio. ${last}`, 'Set WHATSAPP_PUBLIC_URL (see the public URL step).', details);
    }
    if (figures.recentSends === 0) {
      return finding('warning', `Nothing was sent in the last ${RECENT_HOURS} hours to judge by. ${last}`, 'Send a test message from the Inbox, then run this check again a minute later.', details);
    }
    const summary = `${figures.withoutCallback} of the last ${figures.recentSends} sends (${Math.round(share * 100)}%) have no status callback yet. ${last}`;
    const fix = 'Check the public URL step: Twilio posts callbacks to WHATSAPP_PUBLIC_URL/api/whatsapp/webhook/status, which must reach this app and pass the signature check. Twilio’s error log lists the callbacks it could not deliver (error 11200).';
    if (share >= FAILING_SHARE) return finding('failing', summary, fix, details, [CONSOLE.errors]);
    if (figures.withoutCallback > 0) return finding('warning', summary, fix, details, [CONSOLE.errors]);
    return finding('ok', `Every one of the last ${figures.recentSends} sends has had a status callback. ${last}`, null, details);
  },
};
