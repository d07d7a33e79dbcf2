import { z } from 'zod';
import { documentId } from '../validation/common';
import { BODY_MAX } from '../sending/validation';

/**
 * `POST /inbox/conversations/:id/messages`: what a reply may carry. The send rules of
 * `POST /messages` (a template or text, not both…) then apply as they are.
 */
export const replyKeysSchema = z
  .object({ body: z.unknown(), mediaUrls: z.unknown(), template: z.unknown(), variables: z.unknown() })
  .partial()
  .strict();

/** `POST /inbox/conversations`: a template to a candidate or a number opens a conversation. */
export const startKeysSchema = z
  .object({
    candidate: z.unknown(),
    to: z.unknown(),
    template: documentId,
    variables: z.unknown(),
  })
  .partial({ candidate: true, to: true, variables: true })
  .strict();

export const candidateSearchSchema = z.object({ search: z.string().trim().max(100).optional() }).strict();

const INBOUND_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf', 'video/mp4', 'audio/ogg'] as const;

/** `POST /inbox/emulator/inbound`: a message "from a phone", posted by the emulator. */
export const simulatedInboundSchema = z
  .object({
    from: z.string().trim().min(1, 'Give the number the message comes from').max(40),
    profileName: z.string().trim().min(1, 'Give the sender a name').max(100),
    kind: z.enum(['text', 'media', 'location']).default('text'),
    body: z.string().max(BODY_MAX).optional(),
    mediaContentType: z.enum(INBOUND_MEDIA_TYPES).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    address: z.string().trim().max(200).optional(),
    label: z.string().trim().max(100).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.kind === 'text' && !value.body?.trim()) ctx.addIssue({ code: 'custom', path: ['body'], message: 'A text message needs a body' });
    if (value.kind === 'location' && (value.latitude === undefined || value.longitude === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'A location needs a latitude and a longitude' });
    }
  });

export type SimulatedInbound = z.infer<typeof simulatedInboundSchema>;
