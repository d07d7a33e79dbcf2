import { z } from 'zod';
import { RECIPIENT_STATUSES, type RecipientStatus } from '../../../shared/campaigns';
import { MESSAGE_DIRECTIONS } from '../../../shared/statuses';
import { candidateListQuerySchema } from '../candidates/admin/validation';
import { documentId, isoDateTime } from '../validation/common';

const status = z.enum(RECIPIENT_STATUSES as [RecipientStatus, ...RecipientStatus[]]);

/** `status=failed,undelivered` or `status[0]=failed&status[1]=undelivered`. */
const statusList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value),
  z.array(status).min(1).max(RECIPIENT_STATUSES.length)
);

/** `GET /exports/campaign-recipients?campaign=<documentId>[&status=…]`. */
export const recipientsExportQuerySchema = z
  .object({ campaign: documentId, status: statusList.optional() })
  .strict()
  .transform((query) => ({ campaign: query.campaign, statuses: query.status ? [...new Set(query.status)] : null }));

export type RecipientsExportQuery = z.output<typeof recipientsExportQuerySchema>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayOrInstant = z.union([z.string().regex(DAY, 'a date (YYYY-MM-DD) or an ISO 8601 date-time'), isoDateTime]);

/** A day names its first instant (UTC); as the end of a range it includes the whole day. */
const instant = (value: string, end: boolean): Date => {
  if (!DAY.test(value)) return new Date(value);
  const start = new Date(`${value}T00:00:00.000Z`);
  return end ? new Date(start.getTime() + 86_400_000) : start;
};

/** `GET /exports/messages?from=&to=&campaign=&candidate=&direction=`: `from` inclusive, `to` exclusive (a day: to its end). */
export const messagesExportQuerySchema = z
  .object({
    from: dayOrInstant.optional(),
    to: dayOrInstant.optional(),
    campaign: documentId.optional(),
    candidate: documentId.optional(),
    direction: z.enum(MESSAGE_DIRECTIONS).optional(),
  })
  .strict()
  .transform((query) => ({
    from: query.from ? instant(query.from, false) : null,
    to: query.to ? instant(query.to, true) : null,
    campaign: query.campaign ?? null,
    candidate: query.candidate ?? null,
    direction: query.direction ?? null,
  }))
  .refine((query) => !query.from || !query.to || query.from < query.to, { message: '`from` must be before `to`', path: ['from'] });

export type MessagesExportQuery = z.output<typeof messagesExportQuerySchema>;

/** `GET /exports/candidates`: the Candidates page's filters (search, tag, optIn, wroteWithinDays). */
export const candidatesExportQuerySchema = candidateListQuerySchema
  .pick({ search: true, tag: true, optIn: true, wroteWithinDays: true })
  .strict();

export type CandidatesExportQuery = z.output<typeof candidatesExportQuerySchema>;
