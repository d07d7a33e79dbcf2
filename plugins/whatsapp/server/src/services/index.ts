import { FEATURES } from '../features';
import { createQueueService } from '../jobs/queue';
import { createTwilioService } from '../twilio/service';
import { createDatabaseFaultsService } from '../database/faults';

/** Each feature's facade (and its content types' core services), plus the shared platform services. */
export default {
  ...Object.assign({}, ...FEATURES.map((feature) => feature.services)),
  twilio: createTwilioService,
  queue: createQueueService,
  'database-faults': createDatabaseFaultsService,
};
