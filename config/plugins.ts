import type { Core } from '@strapi/strapi';

const pluginsConfig = ({ env }: Core.Config.Shared.ConfigParams) => {
  const nodeEnv = env('NODE_ENV', 'development');
  return {
    'users-permissions': {
      config: { jwtSecret: env('JWT_SECRET') },
    },
    graphql: {
      enabled: true,
      config: {
        endpoint: '/graphql',
        defaultLimit: 25,
        maxLimit: 100,
        depthLimit: 10,
        // The Apollo Sandbox only in development (`playgroundAlways` is deprecated in Strapi 5).
        landingPage: nodeEnv === 'development',
        apolloServer: {
          // The schema is not handed to anonymous callers of a production server.
          introspection: nodeEnv !== 'production',
          // Stack traces (absolute file paths) only where the developer is the reader.
          includeStacktraceInErrorResponses: nodeEnv === 'development',
        },
      },
    },
    whatsapp: {
      enabled: true,
      // Loaded from the plugin's built dist/ (the root npm scripts build it first).
      resolve: './plugins/whatsapp',
    },
  };
};

export default pluginsConfig;
