import { API_VERSION } from './message-resource';
import { isWhatsApp, stripChannel } from './phone';
import type { StoredMessage } from './types';

const EVENT_TYPES: Partial<Record<StoredMessage['status'], string>> = {
  delivered: 'DELIVERED',
  read: 'READ',
};

/** The form parameters of a WhatsApp status callback, as Twilio posts them. */
export const buildStatusParams = (message: StoredMessage, channelInstallSid: string): Record<string, string> => {
  const params: Record<string, string> = {
    AccountSid: message.accountSid,
    ApiVersion: API_VERSION,
    From: message.from ?? '',
    MessageSid: message.sid,
    MessageStatus: message.status,
    SmsSid: message.sid,
    SmsStatus: message.status,
    To: message.to,
  };
  if (isWhatsApp(message.to)) {
    params.ChannelPrefix = 'whatsapp';
    params.ChannelInstallSid = channelInstallSid;
    params.ChannelToAddress = stripChannel(message.to);
    const eventType = EVENT_TYPES[message.status];
    if (eventType) params.EventType = eventType;
  }
  if (message.messagingServiceSid) params.MessagingServiceSid = message.messagingServiceSid;
  if (message.status === 'failed' || message.status === 'undelivered') {
    params.ErrorCode = String(message.errorCode ?? 30008);
    if (message.errorMessage) params.ErrorMessage = message.errorMessage;
  }
  return params;
};
