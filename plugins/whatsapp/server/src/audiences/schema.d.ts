import { z } from 'zod';
/** Tag rules: a candidate has at least one of `anyOf`, every one of `allOf`, none of `noneOf`. */
export declare const tagRulesSchema: z.ZodObject<{
    anyOf: z.ZodOptional<z.ZodArray<z.ZodString>>;
    allOf: z.ZodOptional<z.ZodArray<z.ZodString>>;
    noneOf: z.ZodOptional<z.ZodArray<z.ZodString>>;
}, z.core.$strict>;
/**
 * A filter on candidate fields in Strapi's filter syntax (`{ optIn: { $eq: 'opted_in' } }`,
 * `{ attributes: { city: { $eqi: 'pune' } } }`); checked in full when it is compiled to SQL
 * (audiences/filters-sql.ts), so here only its outer shape.
 */
export declare const candidateFilterSchema: z.ZodRecord<z.ZodString, z.ZodUnknown>;
/**
 * A campaign's audience. `{ candidates, tags: [..] }` is the original shape (tags: any of);
 * `tags` may also be tag rules, and `filters` narrows the tag-and-filter part.
 */
export declare const audienceSchema: z.ZodObject<{
    candidates: z.ZodDefault<z.ZodArray<z.ZodString>>;
    tags: z.ZodDefault<z.ZodUnion<readonly [z.ZodArray<z.ZodString>, z.ZodObject<{
        anyOf: z.ZodOptional<z.ZodArray<z.ZodString>>;
        allOf: z.ZodOptional<z.ZodArray<z.ZodString>>;
        noneOf: z.ZodOptional<z.ZodArray<z.ZodString>>;
    }, z.core.$strict>]>>;
    filters: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
}, z.core.$strict>;
export type TagRules = z.infer<typeof tagRulesSchema>;
export type AudienceInput = z.input<typeof audienceSchema>;
