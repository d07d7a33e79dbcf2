import { adminRoute, type PluginRoute } from '../utils/admin-route';
import { PROBE_ROUTE } from './constants';

/** Admin: the checks, for the Go live view and for monitoring (read-only, so settings.read). */
export const goLiveAdminRoutes: PluginRoute[] = [
  adminRoute('GET', '/settings/checks', 'go-live.checks', 'settingsRead'),
];

/**
 * Content API: the public-URL probe, posted by this app to itself through whatever is in front
 * of it. Public like the webhooks (the proxy must let it through the same way); the controller
 * answers only a request authenticated with the auth token.
 */
export const goLiveProbeRoutes: PluginRoute[] = [
  { method: 'POST', path: PROBE_ROUTE, handler: 'go-live.probe', config: { auth: false, policies: [] } },
];
