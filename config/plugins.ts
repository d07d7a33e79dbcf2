import type { Core } from '@strapi/strapi';

const pluginsConfig = ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  graphql: {
    enabled: true,
    config: { endpoint: '/graphql', playgroundAlways: false, defaultLimit: 25, maxLimit: 100 },
  },
  whatsapp: {
    enabled: true,
    // Loaded from the plugin's built dist/ (the root npm scripts build it first).
    resolve: './plugins/whatsapp',
  },
});

export default pluginsConfig;
