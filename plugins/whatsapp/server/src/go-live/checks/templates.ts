import { readTemplateFigures } from '../sql';
import { CONSOLE } from '../links';
import { finding, utcText, type CheckDefinition } from '../types';

/** Templates approved by WhatsApp: what opens a conversation outside the 24-hour window. */
export const templatesCheck: CheckDefinition = {
  id: 'templates',
  title: 'Approved templates',
  async run(context) {
    const { counts, lastSyncedAt } = await readTemplateFigures(context.strapi);
    const approved = counts.approved ?? 0;
    const pending = (counts.pending ?? 0) + (counts.received ?? 0);
    const rejected = counts.rejected ?? 0;
    const details = { approved, pending, rejected, counts, lastSyncedAt };
    const figures = `${approved} approved, ${pending} pending, ${rejected} rejected; ${lastSyncedAt ? `last synced from Twilio at ${utcText(lastSyncedAt)}` : 'never synced from Twilio'}`;
    if (approved > 0) {
      return finding('ok', `Templates: ${figures}.`, rejected > 0 ? 'Rejected templates can be edited and submitted again; the reason is on the Templates page.' : null, details, [CONSOLE.templates]);
    }
    const fix = pending > 0
      ? 'Wait for WhatsApp’s review (minutes to a day), then run a sync on the Templates page.'
      : 'Write a template on the Templates page (New template) and submit it for approval, or sync the ones approved in the Twilio console.';
    return finding('warning', `No approved template yet (${figures}). Outside the 24-hour window after a candidate’s last message, only an approved template can be sent.`, fix, details, [CONSOLE.templates]);
  },
};
