import { sandboxJoinInstructions, SANDBOX_SENDER } from '../../domain/settings';
import { readSandboxFigures, SANDBOX_WINDOW_DAYS } from '../sql';
import { CONSOLE } from '../links';
import { finding, utcText, type CheckDefinition } from '../types';

/** How many recent sends failed with 63015 (never joined the sandbox, or left it), with the join instructions. */
export const sandboxCheck: CheckDefinition = {
  id: 'sandbox',
  title: 'WhatsApp sandbox',
  async run(context) {
    const settings = await context.settings();
    const figures = await readSandboxFigures(context.strapi);
    const inSandbox = settings.whatsappNumber === SANDBOX_SENDER && !settings.messagingServiceSid;
    const details = { inSandbox, sender: settings.whatsappNumber ?? null, ...figures, windowDays: SANDBOX_WINDOW_DAYS, joinInstructions: sandboxJoinInstructions() };
    const failures = figures.failures
      ? `${figures.failures} send${figures.failures === 1 ? '' : 's'} to ${figures.recipients} number${figures.recipients === 1 ? '' : 's'} failed with error 63015 in the last ${SANDBOX_WINDOW_DAYS} days (last at ${figures.lastFailureAt ? utcText(figures.lastFailureAt) : '—'}): those recipients never joined the sandbox, or their 72-hour session expired.`
      : `No send failed with error 63015 in the last ${SANDBOX_WINDOW_DAYS} days.`;
    if (!inSandbox) {
      return finding('ok', `Not sending from the sandbox${settings.whatsappNumber ? ` (sender ${settings.whatsappNumber})` : ''}. ${failures}`, null, details, [CONSOLE.sandbox]);
    }
    if (figures.failures > 0) {
      return finding('warning', `Sending from the WhatsApp sandbox. ${failures}`, sandboxJoinInstructions(), details, [CONSOLE.sandbox]);
    }
    return finding('ok', `Sending from the WhatsApp sandbox. ${failures} Recipients must join it first.`, null, details, [CONSOLE.sandbox]);
  },
};
