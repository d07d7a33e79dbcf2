import type { EmulatorCore } from '../emulator-core';
import type { SenderInput, ServiceInput } from '../senders';
import { control, jsonObject } from './control';

/** The state go-live checks read: account profile, numbers, WhatsApp senders, services, sandbox. */
export const sendersSnapshot = (core: EmulatorCore) => ({
  account: { ...core.senders.account },
  numbers: core.senders.numbers.map((number) => ({ ...number })),
  whatsappSenders: core.senders.whatsappSenders.map((sender) => ({ ...sender })),
  services: core.senders.services.map((service) => ({ ...service })),
  sandboxParticipants: [...core.senders.sandboxParticipants],
});

export const senderControlRoutes = [
  control('GET', '/account', ({ core }) => ({ ...core.senders.account })),
  control('POST', '/account', (context) => context.core.senders.setAccount(jsonObject(context))),
  control('GET', '/senders', ({ core }) => sendersSnapshot(core)),
  control('POST', '/senders', (context) => context.core.senders.addSender(jsonObject(context) as unknown as SenderInput)),
  control('DELETE', '/senders/:number', (context) => ({ removed: context.core.senders.removeSender(context.params.number ?? '') })),
  control('POST', '/services', (context) => context.core.senders.addService(jsonObject(context) as ServiceInput)),
  control('POST', '/sandbox/participants', (context) => {
    const body = jsonObject(context);
    context.core.senders.joinSandbox(body.number as string);
    return { sandboxParticipants: [...context.core.senders.sandboxParticipants] };
  }),
];
