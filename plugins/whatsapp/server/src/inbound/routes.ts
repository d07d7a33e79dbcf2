import { WEBHOOK_ROUTE } from '../constants';

/**
 * Twilio webhooks: public (Twilio has no Strapi token), and every request must
 * pass the signature policy. The other methods are routed too, so they get a 405 in Strapi's
 * error shape rather than the router's bare one.
 */
const signed = { auth: false, policies: ['plugin::whatsapp.verify-twilio-signature'] } as const;
const unsigned = { auth: false, policies: [] } as const;

const OTHER_METHODS = ['GET', 'PUT', 'PATCH', 'DELETE'] as const;

export const webhookRoutes = [
  { method: 'POST', path: WEBHOOK_ROUTE.inbound, handler: 'webhook.inbound', config: signed },
  { method: 'POST', path: WEBHOOK_ROUTE.status, handler: 'webhook.status', config: signed },
  ...Object.values(WEBHOOK_ROUTE).flatMap((path) =>
    OTHER_METHODS.map((method) => ({ method, path, handler: 'webhook.methodNotAllowed', config: unsigned }))
  ),
];
