import { PLUGIN_ID, WEBHOOK_ROUTE } from '../constants';

/** The incoming-message webhook, under the public URL: what is pasted into Twilio. */
export const INBOUND_WEBHOOK_PATH = `/api/${PLUGIN_ID}${WEBHOOK_ROUTE.inbound}`;

/** Route (content API) and full path of the public-URL probe. */
export const PROBE_ROUTE = `${WEBHOOK_ROUTE.inbound}/probe`;
export const PROBE_PATH = `/api/${PLUGIN_ID}${PROBE_ROUTE}`;

/** The probe must come back quickly: a proxy that holds it is as bad as one that drops it. */
export const PROBE_TIMEOUT_MS = 5_000;
