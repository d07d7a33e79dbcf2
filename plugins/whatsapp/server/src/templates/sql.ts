import type { SyncCounts } from '../../../shared/templates';
import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { TABLE } from '../database/strapi-tables';
import { changedFields, toStoredFields, type TemplateFromTwilio } from '../domain/content-api';

export type TemplateRow = {
  id: number;
  documentId: string;
  name: string;
  language: string;
  category: string;
  body: string;
  variables: Record<string, string> | null;
  contentSid: string | null;
  approvalStatus: string;
  rejectionReason: string | null;
  lastSyncedAt: string | Date | null;
  deletedAtTwilio: string | Date | null;
  twilioTypes: Record<string, unknown> | null;
  updatedAt: string | Date;
};

export type TemplateListQuery = { page: number; pageSize: number; approvalStatus?: string; search?: string };


type Transaction = Parameters<Parameters<Core.Strapi['db']['transaction']>[0]>[0]['trx'];

// One key for everything that writes contentSids: a sync applying what it read, a submit creating
// a Content at Twilio. Without it a sync could import a Content a submit is about to save (two
// rows, one unique index) or mark it deleted.
const CONTENT_SID_LOCK = 'whatsapp:template-content-sids';

const time = (value: string | Date | null | undefined) => (value ? new Date(value).getTime() : 0);

/**
 * Templates as the sync and the submit see them. These writes go around the Document Service on
 * purpose: what Twilio holds is imported as it is (Twilio has accepted it already), whereas the
 * placeholder rules in document-middlewares/ are for what people write. Submitting checks them again.
 */
export const templateRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(UID.template);
  const lock = (trx: Transaction) =>
    strapi.db.connection.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [CONTENT_SID_LOCK]).transacting(trx);

  return {
    async findByDocumentId(documentId: string): Promise<TemplateRow | null> {
      return (await query().findOne({ where: { documentId } })) as TemplateRow | null;
    },

    /** One page, most recently changed first. */
    async list({ page, pageSize, approvalStatus, search }: TemplateListQuery) {
      const where = {
        ...(approvalStatus ? { approvalStatus } : {}),
        ...(search ? { name: { $containsi: search } } : {}),
      };
      const [results, total] = await Promise.all([
        query().findMany({ where, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], limit: pageSize, offset: (page - 1) * pageSize }),
        query().count({ where }),
      ]);
      return { results: results as TemplateRow[], total: Number(total) };
    },

    async update(id: number, data: Partial<Omit<TemplateRow, 'id' | 'documentId'>>): Promise<TemplateRow> {
      return (await query().update({ where: { id }, data })) as TemplateRow;
    },

    /**
     * Runs `work` with the template locked (row and contentSid lock) in one transaction, so two
     * submits of one template cannot both create a Content at Twilio.
     */
    async withContentSidLock<T>(documentId: string, work: (template: TemplateRow | null) => Promise<T>): Promise<T> {
      return strapi.db.transaction(async ({ trx }) => {
        await lock(trx);
        await strapi.db.connection(TABLE.template).where({ document_id: documentId }).forUpdate().select('id').transacting(trx);
        return work(await this.findByDocumentId(documentId));
      });
    },

    /**
     * Applies a complete listing of Twilio's templates in one transaction. A row changed since
     * `readStartedAt` is left alone (`skipped`): the listing may predate that change, and the next
     * sync sees it. Templates we never sent to Twilio (no contentSid) are not touched.
     */
    async applySync(remote: TemplateFromTwilio[], { readStartedAt, now }: { readStartedAt: Date; now: Date }): Promise<SyncCounts> {
      return strapi.db.transaction(async ({ trx }) => {
        await lock(trx);
        const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0, markedDeleted: 0, skipped: 0 };
        const locals = (await query().findMany({ where: { contentSid: { $notNull: true } } })) as TemplateRow[];
        const bySid = new Map(locals.map((row) => [row.contentSid as string, row]));
        const changedSince = (row: TemplateRow) => time(row.updatedAt) > readStartedAt.getTime();
        const confirmed: number[] = [];

        for (const item of remote) {
          const local = bySid.get(item.contentSid);
          if (!local) {
            await query().create({ data: { ...toStoredFields(item), lastSyncedAt: now } });
            counts.created += 1;
          } else if (changedSince(local)) {
            counts.skipped += 1;
          } else if (changedFields(local, item).length === 0) {
            confirmed.push(local.id);
            counts.unchanged += 1;
          } else {
            await query().update({ where: { id: local.id }, data: { ...toStoredFields(item, local), lastSyncedAt: now } });
            counts.updated += 1;
          }
        }

        const listed = new Set(remote.map((item) => item.contentSid));
        const gone = locals.filter((row) => !listed.has(row.contentSid as string) && !row.deletedAtTwilio && !changedSince(row));
        if (gone.length > 0) {
          await query().updateMany({ where: { id: { $in: gone.map((row) => row.id) } }, data: { deletedAtTwilio: now } });
          counts.markedDeleted = gone.length;
        }
        // Confirmed as they were: only the sync time moves, not updatedAt (it means "changed").
        if (confirmed.length > 0) {
          await strapi.db.connection(TABLE.template).whereIn('id', confirmed).update({ last_synced_at: now }).transacting(trx);
        }
        return counts;
      });
    },
  };
};
