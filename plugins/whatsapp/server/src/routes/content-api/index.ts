import { FEATURES } from '../../features';

/** REST content API under /api/whatsapp. Every route is a permission that a Users & Permissions role or an API token must be granted; only Twilio's signed webhooks are public. */
export default {
  type: 'content-api',
  routes: FEATURES.flatMap((feature): ReadonlyArray<{ method: string; path: string; handler: string; config: object }> => feature.contentApiRoutes),
};
