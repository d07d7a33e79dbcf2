import type { Core } from '@strapi/strapi';

export const destroy = async (_context: { strapi: Core.Strapi }) => {
  // The job queue (pg-boss) will be stopped here once it exists.
};
