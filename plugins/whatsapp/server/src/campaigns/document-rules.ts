import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { TABLE } from '../database/strapi-tables';
import { unlaunchedStateFor } from '../../../shared/campaign-state';
import type { CampaignState } from '../../../shared/statuses';
import { jsonColumn } from '../database/sql-row';
import { createCampaignRecipientsRepository } from './recipients-sql';
import { conflictError } from '../utils/http-error';
import { getService } from '../utils/get-service';
import type { DocumentNext } from '../document-middlewares/types';

type CampaignContext = {
  uid: string;
  action: string;
  params?: { documentId?: string; data?: Record<string, unknown> };
};

type CampaignDocument = Record<string, unknown> & {
  documentId?: string;
  stats?: unknown;
  state?: string;
  scheduledAt?: unknown;
  updatedAt?: unknown;
};

/** Written by the plugin only: the actions and the dispatcher (through SQL). */
const MANAGED_FIELDS = ['startedAt', 'completedAt', 'stats', 'stateReason'] as const;
/** Fixed at launch (the recipients and their texts were resolved then). */
const LAUNCH_FIELDS = { variableMapping: 'variable_mapping', audience: 'audience', scheduledAt: 'scheduled_at' } as const;

const UNLAUNCHED: readonly CampaignState[] = ['draft', 'scheduled'];

const READS = new Set(['findOne', 'findFirst', 'findMany']);

type StoredCampaign = { id: number; state: CampaignState; variable_mapping: unknown; audience: unknown; scheduled_at: Date | null };

const sameValue = (column: keyof typeof LAUNCH_FIELDS, stored: StoredCampaign, given: unknown) => {
  if (column === 'scheduledAt') {
    const a = stored.scheduled_at ? stored.scheduled_at.getTime() : null;
    const b = given ? new Date(String(given)).getTime() : null;
    return a === b;
  }
  return isDeepStrictEqual(jsonColumn(stored[LAUNCH_FIELDS[column]]) ?? null, given ?? null);
};

/**
 * Campaign rules for every writer (REST, GraphQL, the Content Manager): the state moves only
 * through the actions (a draft becomes scheduled by getting a `scheduledAt`), a launched campaign's
 * audience and mapping no longer change, a running one is not deleted. Reads get live `stats`,
 * counted from the recipients and their messages (campaigns/stats.ts). A scheduled
 * campaign gets its wake-up job at `scheduledAt`.
 */
export const campaignRules = (strapi: Core.Strapi) => async (context: CampaignContext, next: DocumentNext) => {
  if (context.uid !== UID.campaign) return next();
  const { action } = context;
  const data = context.params?.data;
  const documentId = context.params?.documentId;

  const stored = async (): Promise<StoredCampaign | null> =>
    documentId
      ? ((await strapi.db.connection(TABLE.campaign)
          .where({ document_id: documentId })
          .first('id', 'state', 'variable_mapping', 'audience', 'scheduled_at')) as StoredCampaign | undefined) ?? null
      : null;

  let deletedId: number | null = null;
  if (action === 'create' && data) {
    for (const field of MANAGED_FIELDS) delete data[field];
    data.state = unlaunchedStateFor(data.scheduledAt);
  } else if (action === 'update' && data) {
    for (const field of MANAGED_FIELDS) delete data[field];
    const current = await stored();
    if (current) {
      if (data.state !== undefined && data.state !== current.state) {
        throw conflictError('A campaign changes state only through its actions (launch, pause, resume, cancel).', {
          code: 'STATE_NOT_EDITABLE',
          state: current.state,
        });
      }
      if (UNLAUNCHED.includes(current.state)) {
        if ('scheduledAt' in data) data.state = unlaunchedStateFor(data.scheduledAt);
      } else {
        const changed = (Object.keys(LAUNCH_FIELDS) as Array<keyof typeof LAUNCH_FIELDS>).filter(
          (field) => field in data && !sameValue(field, current, data[field])
        );
        if (changed.length > 0) {
          throw conflictError(`This campaign is ${current.state}: its ${changed.join(', ')} were fixed at launch and can no longer change.`, {
            code: 'CAMPAIGN_LAUNCHED',
            state: current.state,
            fields: changed,
          });
        }
      }
    }
  } else if (action === 'delete') {
    const current = await stored();
    if (current?.state === 'running') {
      throw conflictError('This campaign is running: pause or cancel it before deleting it.', { code: 'CAMPAIGN_RUNNING' });
    }
    deletedId = current?.id ?? null;
  }

  const result = await next();

  if (READS.has(action)) return withLiveStats(strapi, result);
  if ((action === 'create' || action === 'update') && result && typeof result === 'object') {
    const campaign = result as CampaignDocument;
    if (campaign.state === 'scheduled' && campaign.documentId && campaign.scheduledAt) {
      await getService(strapi, 'campaigns').launch.planLaunch(campaign.documentId, new Date(String(campaign.scheduledAt)));
    }
  }
  if (deletedId !== null) await createCampaignRecipientsRepository(strapi).deleteForCampaigns([deletedId]);
  return result;
};

const withLiveStats = async (strapi: Core.Strapi, result: unknown) => {
  const documents = (Array.isArray(result) ? result : result ? [result] : []) as CampaignDocument[];
  const wanted = documents.filter((document) => document && 'stats' in document && typeof document.documentId === 'string');
  if (wanted.length === 0) return result;
  const stats = await getService(strapi, 'campaigns').stats.statsByDocumentId(
    wanted.map((document) => ({ documentId: document.documentId!, version: document.updatedAt ? String(document.updatedAt) : '' }))
  );
  for (const document of wanted) {
    const live = stats.get(document.documentId!);
    if (live && live.total > 0) document.stats = live;
  }
  return result;
};
