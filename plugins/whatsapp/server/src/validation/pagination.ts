import { z } from 'zod';
import { parseInput } from './parse';

const integerText = (check: (value: number) => boolean, message: string) =>
  z.union([z.number(), z.string().trim().regex(/^[-+]?\d{1,9}$/, 'expected an integer')]).transform(Number).refine(check, message);

/**
 * Strapi's `pagination[page|pageSize]` or `pagination[start|limit]`, refused when it cannot be
 * used (Strapi would otherwise quietly read `pageSize=-5` as 1 and `limit=many` as its maximum).
 * `limit=-1` is Strapi's "as many as allowed".
 */
const paginationSchema = z
  .object({
    page: integerText((value) => value >= 1, 'must be 1 or more'),
    pageSize: integerText((value) => value >= 1, 'must be 1 or more'),
    start: integerText((value) => value >= 0, 'must be 0 or more'),
    limit: integerText((value) => value >= 1 || value === -1, 'must be 1 or more (or -1)'),
    withCount: z.union([z.boolean(), z.enum(['true', 'false', 't', 'f', '1', '0'])]),
  })
  .partial()
  .strict();

export const assertPagination = (pagination: unknown) => {
  if (pagination === undefined) return;
  parseInput(z.object({ pagination: paginationSchema }), { pagination }, 'Invalid pagination');
};
