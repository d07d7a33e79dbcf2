import { z } from 'zod';

/** ISO 8601 timestamp (offset allowed) or null to clear. */
export const isoDateTime = z.iso.datetime({ offset: true });

export const documentId = z.string().trim().min(1).max(64);

/** Strapi bodies are `{ data: {...} }`; anything else is a 400, not a 500. */
export const dataEnvelope = <S extends z.ZodType>(data: S) => z.object({ data }, { error: 'The body must be { "data": { … } }' });

export const documentIdParamsSchema = z.object({ id: documentId });
