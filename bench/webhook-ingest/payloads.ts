import crypto from 'node:crypto';
import twilio from 'twilio';
import type { LoadRequest } from './load';

export const INBOUND_PATH = '/api/whatsapp/webhook';
export const STATUS_PATH = '/api/whatsapp/webhook/status';

const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

export const newSid = (prefix = 'SM') => `${prefix}${crypto.randomBytes(16).toString('hex')}`;

/** Signed the way Twilio signs: the public URL with path and query, and every parameter. */
export const signedPost = (publicUrl: string, authToken: string, path: string, params: Record<string, string>): LoadRequest => ({
  method: 'POST',
  path,
  headers: {
    'content-type': FORM,
    'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, `${publicUrl}${path}`, params),
    'user-agent': 'TwilioProxy/1.1',
  },
  body: Buffer.from(new URLSearchParams(params).toString()),
});

/** A valid Indian mobile number per index, distinct for this run. */
export const phoneFor = (run: number, index: number) => `+919${String(run).padStart(2, '0')}${String(index).padStart(7, '0')}`;

/** The "a message comes in" parameters Twilio posts for a WhatsApp text. */
export const inboundParams = (accountSid: string, sender: string, from: string, sid: string, index: number): Record<string, string> => ({
  SmsMessageSid: sid,
  NumMedia: '0',
  ProfileName: `Candidate ${index}`,
  MessageType: 'text',
  SmsSid: sid,
  WaId: from.slice(1),
  SmsStatus: 'received',
  Body: `Hello, this is message ${index}: is the interview still on for Monday?`,
  To: `whatsapp:${sender}`,
  NumSegments: '1',
  ReferralNumMedia: '0',
  MessageSid: sid,
  AccountSid: accountSid,
  From: `whatsapp:${from}`,
  ApiVersion: '2010-04-01',
});

/** A WhatsApp status callback as Twilio posts it. */
export const statusParams = (accountSid: string, sender: string, sid: string, status: string): Record<string, string> => ({
  AccountSid: accountSid,
  ApiVersion: '2010-04-01',
  ChannelInstallSid: 'XE00000000000000000000000000000000',
  ChannelPrefix: 'whatsapp',
  ChannelToAddress: '+919800000000',
  From: `whatsapp:${sender}`,
  MessageSid: sid,
  MessageStatus: status,
  SmsSid: sid,
  SmsStatus: status,
  To: 'whatsapp:+919800000000',
  ...(status === 'delivered' || status === 'read' ? { EventType: status.toUpperCase() } : {}),
});
