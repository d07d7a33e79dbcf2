import type { Core } from '@strapi/strapi';

const pluginsConfig = ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  graphql: {
    enabled: true,
    // The landing page (Apollo Sandbox) stays Strapi's default: on in development, off in production.
    config: { endpoint: '/graphql', defaultLimit: 25, maxLimit: 100, depthLimit: 10 },
  },
  whatsapp: {
    enabled: true,
    // Loaded from the plugin's built dist/ (the root npm scripts build it first).
    resolve: './plugins/whatsapp',
  },
});

export default pluginsConfig;
