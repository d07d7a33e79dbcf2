import type { Core } from '@strapi/strapi';

/** The host app adds nothing of its own: everything lives in the WhatsApp plugin. */
export default {
  register(_context: { strapi: Core.Strapi }) {},
  bootstrap(_context: { strapi: Core.Strapi }) {},
};
