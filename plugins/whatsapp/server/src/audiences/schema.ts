import { z } from 'zod';
import { errors } from '@strapi/utils';
import { documentId } from '../validation/common';
import { compileCandidateFilters } from './filters-sql';
import type { AudienceInput, TagRules } from '../../../shared/audiences';

const tag = z.string().trim().min(1).max(64);
const tagList = z.array(tag).max(100);

/** Tag rules: a candidate has at least one of `anyOf`, every one of `allOf`, none of `noneOf`. */
export const tagRulesSchema = z
  .object({ anyOf: tagList.optional(), allOf: tagList.optional(), noneOf: tagList.optional() })
  .strict() satisfies z.ZodType<TagRules>;

/**
 * A filter on candidate fields in Strapi's filter syntax (`{ optIn: { $eq: 'opted_in' } }`,
 * `{ attributes: { city: { $eqi: 'pune' } } }`); checked in full when it is compiled to SQL
 * (audiences/filters-sql.ts), so here only its outer shape.
 */
export const candidateFilterSchema = z.record(z.string(), z.unknown());

/**
 * A campaign's audience. `{ candidates, tags: [..] }` is the original shape (tags: any of);
 * `tags` may also be tag rules, and `filters` narrows the tag-and-filter part.
 */
export const audienceSchema = z
  .object({
    // Defaults as the original shape stored them, so an unchanged audience compares equal.
    candidates: z.array(documentId).max(100_000).default([]),
    tags: z.union([tagList, tagRulesSchema]).default([]),
    filters: candidateFilterSchema.optional(),
  })
  .strict()
  .superRefine((audience, ctx) => {
    if (!audience.filters) return;
    try {
      compileCandidateFilters(audience.filters, ['filters']);
    } catch (error) {
      if (!(error instanceof errors.ValidationError)) throw error;
      const [issue] = (error.details as { errors?: Array<{ path: string[]; message: string }> }).errors ?? [];
      ctx.addIssue({ code: 'custom', path: issue?.path ?? ['filters'], message: issue?.message ?? error.message });
    }
  });

export type { AudienceInput, TagRules };
