import { z } from 'zod';
import { QUICK_REPLY_MAX, QUICK_REPLY_TITLE_MAX } from '../domain/content-api';
import { TEMPLATE_APPROVAL_STATUSES } from '../../../shared/statuses';
import { variableSourceSchema } from '../validation/variable-mapping';
import { documentId } from '../validation/common';

const placeholderKey = z.string().regex(/^\d+$/, 'Keys are placeholder numbers such as "1"');

/** `POST /templates/:id/preview` `{ data }`; the mapping is a campaign's `variableMapping`. */
export const templatePreviewSchema = z
  .object({
    variables: z.record(placeholderKey, z.string().max(1000)).nullish(),
    candidate: documentId.nullish(),
    variableMapping: z.record(placeholderKey, variableSourceSchema).nullish(),
  })
  .strict()
  .refine((input) => !input.candidate || input.variableMapping, {
    path: ['variableMapping'],
    message: 'A variableMapping says which candidate field fills each placeholder',
  });

const httpsUrl = z.url({ protocol: /^https$/, error: 'Media must be a public https URL' });

/** `POST /templates/:id/submit`, body optional: `{ data: { media? | quickReplies? } }`. */
export const templateSubmitSchema = z
  .object({
    media: z.array(httpsUrl).max(1, 'A WhatsApp template carries one media file').optional(),
    quickReplies: z
      .array(
        z
          .object({
            title: z.string().trim().min(1).max(QUICK_REPLY_TITLE_MAX),
            id: z.string().trim().min(1).max(200).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(QUICK_REPLY_MAX)
      .optional(),
  })
  .strict()
  .refine((input) => !(input.media?.length && input.quickReplies?.length), {
    path: ['quickReplies'],
    message: 'A template has media or quick replies, not both',
  });

/** Admin list of the Templates page. */
export const templateAdminListSchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    approvalStatus: z.enum(TEMPLATE_APPROVAL_STATUSES).optional(),
    search: z.string().trim().max(200).optional(),
  })
  .strict();
