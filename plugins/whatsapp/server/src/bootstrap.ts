import type { Core } from '@strapi/strapi';
import { ACTION_LABELS, PLUGIN_ACTIONS, type PluginActionKey } from '../../shared/permissions';
import { PLUGIN_ID, SEND, SEND_PRIORITY } from './constants';
import { JOB } from './jobs/names';
import { createSendMessageHandler } from './sending/jobs/send-message';
import { createSweepOutboxHandler } from './sending/jobs/sweep-outbox';
import { createTemplateSyncHandler } from './templates/jobs/sync';
import { createStatusSyncRunHandler, createStatusSyncTickHandler } from './status-sync/jobs/sync';
import { createCampaignDispatchHandler } from './campaigns/jobs/dispatch';
import { createCampaignSchedulerHandler } from './campaigns/jobs/scheduler';
import { createCandidateImportHandler } from './candidate-import/jobs/run-import';
import { campaignRules } from './campaigns/document-rules';
import { getService } from './utils/get-service';
import { databaseUnreachableMiddleware } from './middlewares/database-unreachable';
import { countDroppedConnectionWarnings } from './database/driver-warnings';
import { applySchema } from './schema/apply';
import { checkStrapiTables } from './database/strapi-tables';

/** The job queue, and which handler works each queue (the queue itself knows no handler). */
const startJobs = async (strapi: Core.Strapi) => {
  const queue = getService(strapi, 'queue');
  await queue.start({ absorbError: (error, what) => getService(strapi, 'database-faults').absorb(error, what) });
  // One-message sends: batches fetched back to back while the queue is full, so a backlog drains
  // at the sender's pace; one more worker takes only inbox sends, so staff never wait for a busy
  // batch. Retries come due on a timer, so the queue is polled every second.
  const sendMessage = createSendMessageHandler(strapi);
  await queue.work(JOB.sendMessage, sendMessage, { concurrency: SEND.workers, batchSize: SEND.batchSize, pollingSeconds: 1 });
  await queue.work(JOB.sendMessage, sendMessage, { minPriority: SEND_PRIORITY.inbox, pollingSeconds: 1 });
  await queue.work(JOB.sweepOutbox, createSweepOutboxHandler(strapi), { pollingSeconds: 30 });
  await queue.work(JOB.templateSync, createTemplateSyncHandler(strapi));
  await queue.work(JOB.statusSync, createStatusSyncTickHandler(strapi));
  // Runs of different scopes side by side (they split the sync's share of the Twilio budget).
  await queue.work(JOB.statusSyncRun, createStatusSyncRunHandler(strapi), { concurrency: 3 });
  // Campaigns: the advisory lock makes one dispatcher run per sender across instances; two job
  // slots let the run a finishing one queues start here and wait for its lock while the last
  // sends go out. Scheduled launches are polled every second so they start on time.
  await queue.work(JOB.campaignDispatch, createCampaignDispatchHandler(strapi), { concurrency: 2, pollingSeconds: 1 });
  await queue.work(JOB.campaignScheduler, createCampaignSchedulerHandler(strapi), { pollingSeconds: 1 });
  // Candidate imports: two at a time per instance; polled every second so a run starts promptly.
  await queue.work(JOB.candidateImport, createCandidateImportHandler(strapi), { concurrency: 2, pollingSeconds: 1 });
};

const registerAdminActions = async (strapi: Core.Strapi) => {
  const actions = (Object.keys(PLUGIN_ACTIONS) as PluginActionKey[]).map((key) => ({
    section: 'plugins',
    displayName: ACTION_LABELS[key].displayName,
    subCategory: ACTION_LABELS[key].subCategory,
    uid: PLUGIN_ACTIONS[key],
    pluginName: PLUGIN_ID,
  }));
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
};

export const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Added after the app's configured middlewares (inside strapi::errors) and before the routes,
  // which Strapi mounts when it starts listening.
  strapi.server.use(databaseUnreachableMiddleware(strapi));
  countDroppedConnectionWarnings(strapi);
  // The plugin's own tables and indexes, before anything reads or writes them.
  await checkStrapiTables(strapi);
  await applySchema(strapi);
  await registerAdminActions(strapi);
  // Campaign rules and live stats for every reader and writer (REST, GraphQL, Content Manager).
  strapi.documents.use(campaignRules(strapi) as unknown as Parameters<Core.Strapi['documents']['use']>[0]);
  await startJobs(strapi);
  await getService(strapi, 'campaigns').dispatcher.resumeRunning();
  const settings = await strapi.plugin(PLUGIN_ID).service('settings').getResolved();
  strapi.log.info(`[whatsapp] ready: Twilio mode "${settings.mode}"`);
};
