import type { Core } from '@strapi/strapi';

export const register = (_context: { strapi: Core.Strapi }) => {
  // Nothing to register before the content types load; bootstrap wires the rest.
};
