import { z } from 'zod';
import { RECIPIENT_STATUSES, type RecipientStatus } from '../../../shared/campaigns';
import { documentId } from '../validation/common';

const status = z.enum(RECIPIENT_STATUSES as [RecipientStatus, ...RecipientStatus[]]);

/** `filters[status][$in]=a` arrives as a string, `…[$in][0]=a&…[$in][1]=b` as an array. */
const statusList = z.preprocess((value) => (typeof value === 'string' ? value.split(',') : value), z.array(status).min(1).max(RECIPIENT_STATUSES.length));

const statusFilter = z.union([
  status,
  z.object({ $eq: status }).strict(),
  z.object({ $in: statusList }).strict(),
]);

const positiveInt = (max?: number) => {
  const base = z.coerce.number().int().min(1);
  return max ? base.max(max) : base;
};

/**
 * `GET /campaigns/:id/recipients`: Strapi-style `pagination[page|pageSize]` and
 * `filters[status]` (a status, `$eq` or `$in`); `status=…` is a shorthand.
 */
export const recipientsQuerySchema = z
  .object({
    filters: z.object({ status: statusFilter.optional() }).strict().optional(),
    status: statusList.optional(),
    pagination: z
      .object({ page: positiveInt().optional(), pageSize: positiveInt(100).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .transform((query) => {
    const filter = query.filters?.status;
    const fromFilter =
      filter === undefined ? undefined : typeof filter === 'string' ? [filter] : '$eq' in filter ? [filter.$eq] : filter.$in;
    const statuses = [...(fromFilter ?? []), ...(query.status ?? [])];
    return {
      statuses: statuses.length > 0 ? [...new Set(statuses)] : null,
      page: query.pagination?.page ?? 1,
      pageSize: query.pagination?.pageSize ?? 25,
    };
  });

export const campaignDispatchPayloadSchema = z.object({
  sender: z.string().trim().min(1).max(64),
  hops: z.number().int().min(0).max(1000).optional(),
  handedOverBy: z.string().max(64).optional(),
});

export const campaignSchedulerPayloadSchema = z.object({ campaign: documentId.optional() });
