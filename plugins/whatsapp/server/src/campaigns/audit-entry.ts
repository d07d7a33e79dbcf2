import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Actor, AuditAction } from '../../../shared/audit';
import type { LockedCampaign } from './record-sql';
import { getService } from '../utils/get-service';

/** A campaign action in the audit log, in the action's transaction: recorded exactly when it commits. */
export const recordCampaignAction = (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  campaign: Pick<LockedCampaign, 'documentId' | 'name' | 'state'>,
  action: AuditAction,
  actor: Actor,
  details: Record<string, unknown> = {}
) =>
  getService(strapi, 'audit').log.record(
    {
      action,
      subject: { type: 'campaign', id: campaign.documentId, label: campaign.name },
      actor,
      details: { fromState: campaign.state, ...details },
    },
    trx
  );
