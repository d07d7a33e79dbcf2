import { z } from 'zod';

/** ISO 8601 timestamp (offset allowed) or null to clear. */
export const isoDateTime = z.iso.datetime({ offset: true });

export const documentId = z.string().trim().min(1).max(64);

export const documentIdParamsSchema = z.object({ id: documentId });
