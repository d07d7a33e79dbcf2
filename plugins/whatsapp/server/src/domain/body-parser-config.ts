/**
 * Whether the host's `strapi::body` keeps the raw request body, which the webhook signature
 * check reads (koa-body's `qs` parsing reshapes some posted parameters). Pure rule, no Strapi imports.
 */

/** What config/middlewares must say, as the host writes it. */
export const BODY_CONFIG_SNIPPET = "{ name: 'strapi::body', config: { includeUnparsed: true } }";

type MiddlewareEntry = string | { name?: unknown; resolve?: unknown; config?: unknown };

/**
 * Null when `strapi::body` is configured with `includeUnparsed: true`, else the warning that
 * tells the host exactly what to put in config/middlewares.
 */
export const bodyParserWarning = (middlewares: unknown): string | null => {
  const entries: MiddlewareEntry[] = Array.isArray(middlewares) ? (middlewares as MiddlewareEntry[]) : [];
  const body = entries.find((entry) => (typeof entry === 'string' ? entry : entry?.name) === 'strapi::body');
  const config = typeof body === 'object' && body !== null ? body.config : undefined;
  const keepsRaw = typeof config === 'object' && config !== null && (config as { includeUnparsed?: unknown }).includeUnparsed === true;
  if (keepsRaw) return null;
  return (
    '[whatsapp] strapi::body does not keep the raw request body, so Twilio webhook signatures are checked ' +
    `on the parsed form, which can reject genuine requests. In config/middlewares, replace 'strapi::body' with ${BODY_CONFIG_SNIPPET}`
  );
};
