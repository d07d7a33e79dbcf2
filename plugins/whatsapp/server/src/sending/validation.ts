import { z } from 'zod';
import { documentId } from '../validation/common';

/** Twilio's limit for a message body. */
export const BODY_MAX = 1600;
/** Twilio accepts at most 10 MediaUrl per message. */
export const MEDIA_MAX = 10;

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'A media URL must be a public http(s) URL Twilio can download');

/**
 * `POST /messages`: to a candidate or a number; free text and/or media, or a template.
 * Whether the send is allowed (window, opt-out, approval, variables, phone) is decided by the
 * send rules (422), not here (400).
 */
export const messageSendSchema = z
  .object({
    candidate: documentId.optional(),
    to: z.string().trim().min(1, 'to must not be empty').max(40).optional(),
    body: z.string().max(BODY_MAX, `A message is at most ${BODY_MAX} characters`).optional(),
    template: documentId.optional(),
    // Values for the template's {{n}} placeholders; numbers are accepted and sent as text.
    variables: z
      .record(
        z.string().regex(/^\d+$/, 'Keys are placeholder numbers such as "1"'),
        z.union([z.string().max(1024), z.number().transform(String)])
      )
      .optional(),
    mediaUrls: z.array(httpUrl).min(1).max(MEDIA_MAX).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.candidate === undefined && value.to === undefined) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Give a candidate (documentId) or a number in to' });
    }
    if (value.candidate !== undefined && value.to !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Give either a candidate or to, not both' });
    }
    const hasText = value.body !== undefined && value.body.trim() !== '';
    if (value.template !== undefined) {
      if (value.body !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['body'],
          message: 'A template carries its own text: send its placeholder values in variables, not a body',
        });
      }
      if (value.mediaUrls !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['mediaUrls'], message: 'A template carries its own media' });
      }
    } else {
      if (!hasText && value.mediaUrls === undefined) {
        ctx.addIssue({ code: 'custom', path: ['body'], message: 'Write a body, attach mediaUrls or choose a template' });
      }
      if (value.variables !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['variables'], message: 'variables are only for a template' });
      }
    }
  });

export type MessageSendInput = z.infer<typeof messageSendSchema>;

/** The job payload of a send: our message's documentId. */
export const sendJobPayloadSchema = z.object({ messageId: documentId });
