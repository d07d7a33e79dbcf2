import { iso8601, rfc2822 } from '../dates';
import type { EmulatorCore } from '../emulator-core';
import { API_VERSION } from '../message-resource';
import { paginate, readPageRequest, type PageRequest } from '../paging';
import { route, type Route, type RouteContext } from '../router';
import type { MessagingService, OwnedNumber, WhatsAppSender } from '../senders';
import { invalidParameter, notFound } from '../twilio-error';

/**
 * What a go-live check asks Twilio about the sender: the account's numbers
 * (IncomingPhoneNumbers), its registered WhatsApp senders (Messaging v2 Channels/Senders) and a
 * Messaging Service with its pool (Messaging v1). Messaging lives on messaging.twilio.com; the
 * plugin's client sends it to the API base URL, so this server answers both.
 */

const CREATED = new Date(0);

/** A sender's incoming-message URL: its own when set, else the emulator's inbound webhook URL. */
const incomingUrl = (own: string | null | undefined, core: EmulatorCore): string | null =>
  own === undefined ? core.config.inboundWebhookUrl : own;

const toNumberResource = (number: OwnedNumber, core: EmulatorCore) => ({
  account_sid: core.accountSid,
  api_version: API_VERSION,
  capabilities: { voice: true, sms: true, mms: true, fax: false },
  date_created: rfc2822(CREATED),
  date_updated: rfc2822(CREATED),
  friendly_name: number.friendlyName,
  phone_number: number.phoneNumber,
  sid: number.sid,
  sms_method: number.smsMethod,
  sms_url: incomingUrl(number.smsUrl, core) ?? '',
  sms_fallback_url: '',
  sms_fallback_method: 'POST',
  status: 'in-use',
  uri: `/${API_VERSION}/Accounts/${core.accountSid}/IncomingPhoneNumbers/${number.sid}.json`,
});

const toSenderResource = (sender: WhatsAppSender, core: EmulatorCore, origin: string) => ({
  sid: sender.sid,
  status: sender.status,
  sender_id: sender.senderId,
  friendly_name: sender.senderId,
  configuration: { waba_id: null },
  webhook: {
    callback_url: incomingUrl(sender.callbackUrl, core),
    callback_method: sender.callbackMethod,
    fallback_url: null,
    fallback_method: null,
    status_callback_url: null,
    status_callback_method: null,
  },
  profile: { name: 'Emulated sender' },
  properties: { quality_rating: 'HIGH', messaging_limit: '1K' },
  offline_reasons: sender.status === 'ONLINE' ? [] : [{ code: 'EMULATED', message: `the sender is ${sender.status}` }],
  url: `${origin}/v2/Channels/Senders/${sender.sid}`,
});

const toServiceResource = (service: MessagingService, core: EmulatorCore, origin: string) => ({
  sid: service.sid,
  account_sid: core.accountSid,
  friendly_name: service.friendlyName,
  date_created: iso8601(CREATED),
  date_updated: iso8601(CREATED),
  inbound_request_url: service.inboundRequestUrl,
  inbound_method: service.inboundMethod,
  fallback_url: null,
  fallback_method: 'POST',
  status_callback: null,
  sticky_sender: true,
  use_inbound_webhook_on_number: service.useInboundWebhookOnNumber,
  url: `${origin}/v1/Services/${service.sid}`,
  links: {
    phone_numbers: `${origin}/v1/Services/${service.sid}/PhoneNumbers`,
    channel_senders: `${origin}/v1/Services/${service.sid}/ChannelSenders`,
  },
});

/** A page in the v1/v2 APIs' shape: the items under `key` and a `meta` with absolute URLs. */
const v1Page = <T>(origin: string, path: string, key: string, items: readonly T[], request: PageRequest, sidOf: (item: T) => string, render: (item: T) => unknown, extra = '') => {
  const result = paginate(items, request, sidOf);
  const pageUrl = (page: number, token: string | null) => {
    const params = new URLSearchParams(extra);
    params.set('PageSize', String(result.pageSize));
    params.set('Page', String(page));
    if (token) params.set('PageToken', token);
    return `${origin}${path}?${params.toString()}`;
  };
  return {
    status: 200,
    json: {
      [key]: result.items.map(render),
      meta: {
        page: result.page,
        page_size: result.pageSize,
        first_page_url: pageUrl(0, null),
        previous_page_url: result.previousToken ? pageUrl(Math.max(result.page - 1, 0), result.previousToken) : null,
        url: pageUrl(result.page, request.pageToken),
        next_page_url: result.nextToken ? pageUrl(result.page + 1, result.nextToken) : null,
        key,
      },
    },
  };
};

const listNumbers = ({ core, url }: RouteContext) => {
  core.checkFailure('numbers');
  const wanted = url.searchParams.get('PhoneNumber')?.replace(/ /g, '+');
  const request = readPageRequest(url.searchParams);
  const matches = core.senders.numbers.filter((number) => !wanted || number.phoneNumber === wanted);
  const result = paginate(matches, request, (number) => number.sid);
  const path = `/${API_VERSION}/Accounts/${core.accountSid}/IncomingPhoneNumbers.json`;
  return {
    status: 200,
    json: {
      incoming_phone_numbers: result.items.map((number) => toNumberResource(number, core)),
      end: result.start + Math.max(result.items.length - 1, 0),
      first_page_uri: `${path}?PageSize=${result.pageSize}&Page=0`,
      next_page_uri: result.nextToken ? `${path}?PageSize=${result.pageSize}&Page=${result.page + 1}&PageToken=${result.nextToken}` : null,
      page: result.page,
      page_size: result.pageSize,
      previous_page_uri: null,
      start: result.start,
      uri: `${path}?${url.searchParams.toString()}`,
    },
  };
};

const fetchNumber = ({ core, params, url }: RouteContext) => {
  core.checkFailure('numbers');
  const number = core.senders.numbers.find((candidate) => candidate.sid === params.sid);
  if (!number) throw notFound(url.pathname);
  return { status: 200, json: toNumberResource(number, core) };
};

const listWhatsAppSenders = ({ core, url, origin }: RouteContext) => {
  core.checkFailure('senders');
  const channel = url.searchParams.get('Channel');
  if (!channel) throw invalidParameter('Channel is required');
  const senders = channel.toLowerCase() === 'whatsapp' ? core.senders.whatsappSenders : [];
  return v1Page(origin, '/v2/Channels/Senders', 'senders', senders, readPageRequest(url.searchParams), (sender) => sender.sid,
    (sender) => toSenderResource(sender, core, origin), `Channel=${encodeURIComponent(channel)}`);
};

const fetchWhatsAppSender = ({ core, params, url, origin }: RouteContext) => {
  core.checkFailure('senders');
  const sender = core.senders.whatsappSenders.find((candidate) => candidate.sid === params.sid);
  if (!sender) throw notFound(url.pathname);
  return { status: 200, json: toSenderResource(sender, core, origin) };
};

const findService = ({ core, params, url }: RouteContext): MessagingService => {
  core.checkFailure('services');
  const service = core.senders.services.find((candidate) => candidate.sid === params.sid);
  if (!service) throw notFound(url.pathname);
  return service;
};

const fetchService = (context: RouteContext) => ({
  status: 200,
  json: toServiceResource(findService(context), context.core, context.origin),
});

const listServicePhoneNumbers = (context: RouteContext) => {
  const service = findService(context);
  const { core, origin, url } = context;
  const numbers = service.phoneNumbers
    .map((sid) => core.senders.numbers.find((number) => number.sid === sid))
    .filter((number): number is OwnedNumber => number !== undefined);
  return v1Page(origin, `/v1/Services/${service.sid}/PhoneNumbers`, 'phone_numbers', numbers, readPageRequest(url.searchParams),
    (number) => number.sid, (number) => ({
      sid: number.sid,
      account_sid: core.accountSid,
      service_sid: service.sid,
      date_created: iso8601(CREATED),
      date_updated: iso8601(CREATED),
      phone_number: number.phoneNumber,
      country_code: 'US',
      capabilities: ['SMS', 'MMS', 'Voice'],
      url: `${origin}/v1/Services/${service.sid}/PhoneNumbers/${number.sid}`,
    }));
};

const listServiceChannelSenders = (context: RouteContext) => {
  const service = findService(context);
  const { core, origin, url } = context;
  return v1Page(origin, `/v1/Services/${service.sid}/ChannelSenders`, 'senders', service.senders, readPageRequest(url.searchParams),
    (sender) => sender, (sender) => ({
      account_sid: core.accountSid,
      messaging_service_sid: service.sid,
      sid: `XE${Buffer.from(sender).toString('hex').padEnd(32, '0').slice(0, 32)}`,
      sender,
      sender_type: sender.startsWith('whatsapp:') ? 'WhatsApp' : 'Messenger',
      country_code: 'US',
      date_created: iso8601(CREATED),
      date_updated: iso8601(CREATED),
      url: `${origin}/v1/Services/${service.sid}/ChannelSenders/${encodeURIComponent(sender)}`,
    }));
};

const BASE = `/${API_VERSION}/Accounts/:accountSid`;

export const senderRoutes: Route[] = [
  route('GET', `${BASE}/IncomingPhoneNumbers.json`, listNumbers),
  route('GET', `${BASE}/IncomingPhoneNumbers/:sid.json`, fetchNumber),
  route('GET', '/v2/Channels/Senders', listWhatsAppSenders),
  route('GET', '/v2/Channels/Senders/:sid', fetchWhatsAppSender),
  route('GET', '/v1/Services/:sid', fetchService),
  route('GET', '/v1/Services/:sid/PhoneNumbers', listServicePhoneNumbers),
  route('GET', '/v1/Services/:sid/ChannelSenders', listServiceChannelSenders),
];
