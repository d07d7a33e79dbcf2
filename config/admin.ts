import type { Core } from '@strapi/strapi';

const adminConfig = ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  // Used by the WhatsApp plugin to encrypt the Twilio auth token saved from the admin panel.
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  // Tests run the API without building the admin bundle.
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  flags: { nps: false, promoteEE: false },
  // Strapi allows 5 sign-ins per 5 minutes per e-mail and address; on unless turned off (the browser tests sign in once per file).
  rateLimit: { enabled: env.bool('ADMIN_LOGIN_RATE_LIMIT', true) },
});

export default adminConfig;
