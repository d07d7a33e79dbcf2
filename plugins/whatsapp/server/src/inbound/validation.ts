import { z } from 'zod';
import { STATUS_CALLBACK_MESSAGE_PARAM } from '../constants';
import { countMedia, MAX_MEDIA, readParam, SHORT_TEXT_MAX } from '../domain/inbound';

/**
 * Twilio webhook parameters. Only the parameters we read are checked; every other one passes
 * through untouched (Twilio adds parameters over time, and all of them were signed).
 */

/** Twilio SIDs are two letters and 32 hex digits; accept any short alphanumeric id. */
const sid = z.string().regex(/^[A-Za-z0-9]{2,64}$/, 'Expected a Twilio SID');
const address = z.string().trim().min(1).max(64);
const optionalText = (max: number) => z.string().max(max).optional();
const coordinate = (limit: number) =>
  z
    .string()
    .trim()
    .refine((value) => value !== '' && Number.isFinite(Number(value)) && Math.abs(Number(value)) <= limit, {
      message: `Expected a number between -${limit} and ${limit}`,
    });

/** WhatsApp caps a text at 4096 characters; leave room for whatever Twilio forwards. */
const BODY_MAX = 16_384;

export const inboundParamsSchema = z
  .looseObject({
    MessageSid: sid,
    From: address,
    To: address.optional(),
    Body: optionalText(BODY_MAX),
    NumMedia: z.string().trim().regex(/^\d{1,4}$/, 'Expected a count').optional(),
    ProfileName: optionalText(4096),
    WaId: optionalText(SHORT_TEXT_MAX),
    Latitude: coordinate(90).optional(),
    Longitude: coordinate(180).optional(),
    Address: optionalText(4096),
    Label: optionalText(4096),
    ButtonText: optionalText(4096),
    ButtonPayload: optionalText(BODY_MAX),
    OriginalRepliedMessageSid: sid.or(z.literal('')).optional(),
    MessageType: optionalText(64),
  })
  .superRefine((params, ctx) => {
    const { declared, urls } = countMedia(params);
    const count = declared ?? urls;
    if (count > MAX_MEDIA || urls > MAX_MEDIA) {
      ctx.addIssue({ code: 'custom', path: ['NumMedia'], message: `A message carries at most ${MAX_MEDIA} media` });
      return;
    }
    for (let index = 0; index < count; index += 1) {
      const url = readParam(params, `MediaUrl${index}`);
      if (url === undefined || !/^https?:\/\/\S+$/i.test(url) || url.length > 2048) {
        ctx.addIssue({ code: 'custom', path: [`MediaUrl${index}`], message: 'Expected the URL of the media' });
      }
      const contentType = params[`MediaContentType${index}`];
      if (contentType !== undefined && (typeof contentType !== 'string' || contentType.length > 255)) {
        ctx.addIssue({ code: 'custom', path: [`MediaContentType${index}`], message: 'Expected a content type' });
      }
    }
    if ((params.Latitude === undefined) !== (params.Longitude === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['Latitude'], message: 'A location needs both Latitude and Longitude' });
    }
  });

export const statusParamsSchema = z.looseObject({
  MessageSid: sid,
  MessageStatus: z
    .string()
    .trim()
    .regex(/^[A-Za-z_]{1,32}$/, 'Expected a message status')
    .transform((status) => status.toLowerCase()),
  ErrorCode: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/, 'Expected a numeric error code')
    .transform((code) => (code === '' ? null : Number(code)))
    .optional(),
  ErrorMessage: optionalText(4096),
});

export const statusQuerySchema = z.looseObject({
  [STATUS_CALLBACK_MESSAGE_PARAM]: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'Expected a message documentId').optional(),
});

export type StatusParams = z.output<typeof statusParamsSchema>;
