import { sandboxJoinInstructions } from '../../domain/settings';
import { CONSOLE } from '../links';
import { finding, type CheckDefinition } from '../types';

const REGISTER_FIX =
  'Register your own WhatsApp sender (Messaging › Senders › WhatsApp senders, with your Meta Business account), then set TWILIO_WHATSAPP_NUMBER to it, or TWILIO_MESSAGING_SERVICE_SID to a Messaging Service that holds it.';

/** The configured number or Messaging Service exists on the account and can send WhatsApp. */
export const senderCheck: CheckDefinition = {
  id: 'sender',
  title: 'WhatsApp sender',
  async run(context) {
    const found = await context.sender();
    switch (found.kind) {
      case 'none':
        return finding('failing', 'No WhatsApp sender is configured: nothing can be sent.', `Set TWILIO_WHATSAPP_NUMBER (the sandbox number +14155238886 to try things out). ${REGISTER_FIX}`, { sandbox: false }, [CONSOLE.sandbox, CONSOLE.senders]);
      case 'blocked':
        return finding('failing', `The sender cannot be checked until Twilio accepts the credentials: ${found.reason}`, 'Fix the credentials first.', { sandbox: false, blockedBy: 'credentials' }, [CONSOLE.account]);
      case 'error':
        return finding('failing', `Twilio could not be asked about the sender: ${found.reason}`, 'Run the check again; if it keeps failing, check the Twilio status page and the network.', { sandbox: false }, [CONSOLE.senders]);
      case 'sandbox':
        return finding(
          'warning',
          `Sending from Twilio's shared WhatsApp sandbox (${found.number}). It works for trying things out, but only with people who joined it, and slowly (one message every 3 s).`,
          REGISTER_FIX,
          { sandbox: true, number: found.number, joinInstructions: sandboxJoinInstructions(found.number) },
          [CONSOLE.senders, CONSOLE.sandbox]
        );
      case 'number': {
        const details = {
          sandbox: false,
          number: found.number,
          onAccount: Boolean(found.owned),
          whatsappSender: found.whatsapp ? { sid: found.whatsapp.sid, status: found.whatsapp.status } : null,
        };
        if (found.whatsapp && found.whatsapp.status.startsWith('ONLINE')) {
          return finding('ok', `${found.number} is a WhatsApp sender of this account (status ${found.whatsapp.status}).`, null, details, [CONSOLE.senders]);
        }
        if (found.whatsapp) {
          const why = found.whatsapp.offlineReasons.length ? `: ${found.whatsapp.offlineReasons.join('; ')}` : '';
          return finding('failing', `${found.number} is registered as a WhatsApp sender but its status is ${found.whatsapp.status}${why}. It cannot send until it is ONLINE.`, 'Open the sender in the Twilio console and finish its registration (Meta business verification, display name).', details, [CONSOLE.senders]);
        }
        if (found.owned && found.whatsappLookupError) {
          return finding('warning', `${found.number} is a number of this account, but Twilio's WhatsApp senders could not be listed to confirm it can send WhatsApp (${found.whatsappLookupError}).`, 'Check in the Twilio console that the number is a registered WhatsApp sender.', details, [CONSOLE.senders]);
        }
        if (found.owned) {
          return finding('failing', `${found.number} is a number of this account, but it is not registered as a WhatsApp sender: WhatsApp messages from it fail.`, REGISTER_FIX, details, [CONSOLE.senders]);
        }
        return finding('failing', `${found.number} is neither a number nor a WhatsApp sender of this Twilio account (sends from it fail with error 21606 or 63007).`, `Check TWILIO_WHATSAPP_NUMBER for a typo, or use the account that owns ${found.number}. ${REGISTER_FIX}`, details, [CONSOLE.numbers, CONSOLE.senders]);
      }
      case 'service': {
        if (!found.service) {
          return finding('failing', `Twilio does not know the Messaging Service ${found.sid} on this account (sends through it fail with error 21701).`, 'Copy the Messaging Service SID (MG…) again from Messaging › Services, or clear TWILIO_MESSAGING_SERVICE_SID to send from TWILIO_WHATSAPP_NUMBER.', { sandbox: false, messagingServiceSid: found.sid }, [CONSOLE.services]);
        }
        const whatsappSenders = found.service.senders.filter((entry) => /^whatsapp:/i.test(entry.sender));
        const details = {
          sandbox: false,
          messagingServiceSid: found.sid,
          friendlyName: found.service.friendlyName,
          senders: found.service.senders,
          phoneNumbers: found.service.phoneNumbers,
        };
        const list = found.service.senders.map((entry) => entry.sender).concat(found.service.phoneNumbers).join(', ') || 'none';
        if (whatsappSenders.length === 0) {
          return finding('failing', `The Messaging Service "${found.service.friendlyName}" has no WhatsApp sender in its pool (senders: ${list}), so WhatsApp messages sent through it fail.`, 'Add your WhatsApp sender to the service (Messaging › Services › Sender pool › Add senders › WhatsApp number).', details, [CONSOLE.services, CONSOLE.senders]);
        }
        if (found.whatsapp && !found.whatsapp.status.startsWith('ONLINE')) {
          return finding('failing', `The Messaging Service "${found.service.friendlyName}" sends WhatsApp from ${found.number}, whose status is ${found.whatsapp.status}.`, 'Finish the sender’s registration in the Twilio console.', details, [CONSOLE.senders]);
        }
        return finding('ok', `The Messaging Service "${found.service.friendlyName}" sends WhatsApp from ${whatsappSenders.map((entry) => entry.sender).join(', ')} (pool: ${list}).`, null, details, [CONSOLE.services]);
      }
    }
  },
};
