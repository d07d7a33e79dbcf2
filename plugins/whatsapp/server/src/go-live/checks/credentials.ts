import { CONSOLE } from '../links';
import { finding, type CheckDefinition } from '../types';

/** Twilio accepts the Account SID and auth token; the account is active, and upgraded or a trial. */
export const credentialsCheck: CheckDefinition = {
  id: 'credentials',
  title: 'Twilio account and credentials',
  async run(context) {
    const settings = await context.settings();
    const result = await context.connection();
    const where = settings.mode === 'emulator' ? `The Twilio emulator at ${settings.apiBaseUrl}` : 'Twilio';
    if (!result.ok) {
      const fix =
        result.problem.code === 'NOT_CONFIGURED'
          ? 'Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or enter them under Settings › WhatsApp › Twilio), from the Account info box of the Twilio console.'
          : result.problem.code === 'AUTHENTICATION_FAILED'
            ? 'Copy the Account SID and the auth token again from the Twilio console (Account info) and save them; a token that was rotated must be replaced here too.'
            : result.problem.code === 'ACCOUNT_NOT_ACTIVE'
              ? 'Reactivate the account in the Twilio console (billing), or use the credentials of an active account.'
              : 'Check the network and the API base URL, then run the check again.';
      return finding('failing', result.problem.message, fix, { problem: result.problem, mode: settings.mode }, [CONSOLE.account]);
    }
    const details = { mode: settings.mode, account: result.account, endpoint: settings.apiBaseUrl };
    if (result.account.type === 'Trial') {
      return finding(
        'warning',
        `${where} accepts the credentials, but "${result.account.friendlyName}" is a trial account: it can only message numbers verified in the console, and Twilio cannot register a WhatsApp sender for it.`,
        'Upgrade the account (add a payment method) before registering your WhatsApp sender.',
        details,
        [CONSOLE.upgrade]
      );
    }
    return finding('ok', `${where} accepts the credentials; "${result.account.friendlyName}" is an active, upgraded account.`, null, details, [CONSOLE.account]);
  },
};
