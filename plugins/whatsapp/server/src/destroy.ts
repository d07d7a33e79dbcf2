import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

export const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Ends the inbox's live streams and gives back their LISTEN connection.
  await getService(strapi, 'inbox').stream.stop();
  // A campaign dispatcher run stops claiming and finishes its sends before the queue stops.
  getService(strapi, 'campaigns').dispatcher.stop();
  // Stops polling and lets running jobs finish, so a restart never leaves a send half-recorded.
  await getService(strapi, 'queue').stop();
  getService(strapi, 'database-faults').stop();
};
