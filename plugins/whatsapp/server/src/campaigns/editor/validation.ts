import { z } from 'zod';
import { campaignCreateSchema, campaignUpdateSchema } from '../validation';

export const editorCreateSchema = campaignCreateSchema;
export const editorUpdateSchema = campaignUpdateSchema;
export const duplicateSchema = z.object({ name: z.string().trim().min(1).max(255).optional() }).strict();
