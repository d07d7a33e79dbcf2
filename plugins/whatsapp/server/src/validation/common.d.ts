import { z } from 'zod';
/** ISO 8601 timestamp (offset allowed) or null to clear. */
export declare const isoDateTime: z.ZodISODateTime;
export declare const documentId: z.ZodString;
export declare const documentIdParamsSchema: z.ZodObject<{
    id: z.ZodString;
}, z.core.$strip>;
