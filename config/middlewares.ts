const middlewaresConfig = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Lets a client still sending a refused (413) body read the answer (src/middlewares).
  'global::drain-refused-body',
  // Keep the body exactly as received next to the parsed one: the WhatsApp plugin checks
  // Twilio's webhook signature over the posted parameters as sent (koa-body's `qs` parsing
  // reshapes some) and refuses bodies that are not valid UTF-8.
  { name: 'strapi::body', config: { includeUnparsed: true } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default middlewaresConfig;
