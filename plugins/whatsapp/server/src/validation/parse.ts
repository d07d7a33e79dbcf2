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

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Strapi bodies are `{ data: {...} }`. Error paths are given relative to `data`, as
 * Strapi's own validation does (`["phone"]`, not `["data", "phone"]`).
 */
export const parseBodyData = <S extends z.ZodType>(schema: S, body: unknown): z.output<S> => {
  if (!isPlainObject(body) || !isPlainObject(body.data)) {
    throw new errors.ValidationError('Missing "data" payload in the request body', {
      errors: [{ path: ['data'], message: 'The body must be { "data": { … } }', name: 'ValidationError' }],
    });
  }
  return parseInput(schema, body.data);
};
