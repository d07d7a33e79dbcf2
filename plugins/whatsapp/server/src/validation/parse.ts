import { errors } from '@strapi/utils';
import type { z } from 'zod';

/**
 * Parses with zod and throws Strapi's ValidationError (400, `details.errors[{path,message,name}]`).
 * Same shape as @strapi/utils' validateZodSchema, but safeParse-based so it does not
 * depend on both packages sharing one zod instance (an `instanceof ZodError` miss is a 500).
 */
export const parseInput = <S extends z.ZodType>(schema: S, data: unknown, message?: string): z.output<S> => {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
    name: 'ValidationError',
  }));
  throw new errors.ValidationError(message ?? issues[0]?.message ?? 'Invalid input', { errors: issues });
};
