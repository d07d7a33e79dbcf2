import { z } from 'zod';
import type { SyncScope } from '../domain/sync-scope';
import { documentId } from '../validation/common';

/** Most messages one request may name; a larger set is a campaign or everything pending. */
export const SYNC_MESSAGES_MAX = 500;

/**
 * `POST /sync-status`: `{ data: { messages?: [documentId], campaign?: documentId } }`; neither
 * means everything pending. An empty body is the same as `{ data: {} }`.
 */
export const syncRequestSchema = z
  .object({
    messages: z
      .array(documentId)
      .min(1, 'Name at least one message, or leave messages out to sync everything pending')
      .max(SYNC_MESSAGES_MAX, `At most ${SYNC_MESSAGES_MAX} messages per request; sync a campaign or everything pending instead`)
      .optional(),
    campaign: documentId.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.messages !== undefined && value.campaign !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['campaign'], message: 'Give messages or a campaign, not both' });
    }
  });

export type SyncRequestInput = z.output<typeof syncRequestSchema>;

export const toSyncScope = (input: SyncRequestInput): SyncScope => {
  if (input.messages) return { kind: 'messages', messages: input.messages };
  if (input.campaign) return { kind: 'campaign', campaign: input.campaign };
  return { kind: 'all' };
};

/** Payload of the `whatsapp.status-sync-run` job. */
export const syncRunJobSchema = z.object({ runId: documentId }).strict();

/** `GET /sync-status` and `GET /sync-status/:id` take no query: anything there is a mistake. */
export const noQuerySchema = z.object({}).strict();
