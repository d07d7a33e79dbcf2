/** The per-field messages of a refused request (Strapi's `details.errors`), keyed by path. */
export const fieldErrorsOf = (caught: unknown): Record<string, string> => {
  const details = (caught as { response?: { data?: { error?: { details?: { errors?: Array<{ path: string[]; message: string }> } } } } })
    .response?.data?.error?.details?.errors;
  return Object.fromEntries((details ?? []).map((issue) => [issue.path.join('.'), issue.message]));
};
