import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { EXPORT_PAGE_SIZE, LOG_PREFIX } from '../constants';
import { CANDIDATE_COLUMNS, MESSAGE_COLUMNS, RECIPIENT_COLUMNS } from './columns';
import { csvStream, keysetPages } from './csv-stream';
import { candidatesPageSql, idByDocumentIdSql, messagesPageSql, recipientsPageSql, type MessageKey } from './sql';
import type { CandidatesExportQuery, MessagesExportQuery, RecipientsExportQuery } from './validation';
import { rowsOf } from '../database/sql-row';

export type CsvFile = { filename: string; stream: NodeJS.ReadableStream };


/** A file name part: ASCII letters and digits only, so every browser and shell keeps it. */
const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);

const today = () => new Date().toISOString().slice(0, 10);

/**
 * CSV exports. What can fail (an unknown campaign or candidate) is checked before the first byte,
 * so it is a 404 in Strapi's error shape; after that the rows stream page by page.
 */
export const createCsvExportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const db = () => strapi.db.connection as unknown as Knex;
  const query = async (sql: { sql: string; bindings: unknown[] }) => rowsOf(await db().raw(sql.sql, sql.bindings as Knex.RawBinding[]));

  const find = async (table: 'campaign' | 'candidate', documentId: string) => {
    const row = (await query(idByDocumentIdSql(table, documentId)))[0];
    if (!row) throw new errors.NotFoundError(table === 'campaign' ? 'Campaign not found' : 'Candidate not found');
    return { id: Number(row.id), name: (row.name as string | null) ?? null };
  };

  const logFailure = (what: string) => (error: Error) => strapi.log.error(`${LOG_PREFIX} The ${what} export stopped: ${error.message}`);

  return {
    async campaignRecipients(input: RecipientsExportQuery): Promise<CsvFile> {
      const campaign = await find('campaign', input.campaign);
      const pages = keysetPages<number>(
        (after) => query(recipientsPageSql(campaign.id, input.statuses, after, EXPORT_PAGE_SIZE)),
        (row) => Number(row.id),
        EXPORT_PAGE_SIZE
      );
      const name = slug(campaign.name ?? '') || 'campaign';
      return { filename: `${name}-recipients-${today()}.csv`, stream: csvStream(RECIPIENT_COLUMNS, pages, logFailure('campaign recipients')) };
    },

    async messages(input: MessagesExportQuery): Promise<CsvFile> {
      const campaign = input.campaign ? await find('campaign', input.campaign) : null;
      const candidate = input.candidate ? await find('candidate', input.candidate) : null;
      const filter = { from: input.from, to: input.to, direction: input.direction, campaignId: campaign?.id ?? null, candidateId: candidate?.id ?? null };
      const pages = keysetPages<MessageKey>(
        (after) => query(messagesPageSql(filter, after, EXPORT_PAGE_SIZE)),
        (row) => ({ at: String(row.key_at), id: Number(row.id) }),
        EXPORT_PAGE_SIZE
      );
      const scope = campaign ? `${slug(campaign.name ?? '') || 'campaign'}-` : '';
      return { filename: `${scope}messages-${today()}.csv`, stream: csvStream(MESSAGE_COLUMNS, pages, logFailure('messages')) };
    },

    async candidates(input: CandidatesExportQuery): Promise<CsvFile> {
      const pages = keysetPages<number>(
        (after) => query(candidatesPageSql(input, after, EXPORT_PAGE_SIZE)),
        (row) => Number(row.id),
        EXPORT_PAGE_SIZE
      );
      return { filename: `candidates-${today()}.csv`, stream: csvStream(CANDIDATE_COLUMNS, pages, logFailure('candidates')) };
    },
  };
};

export type CsvExportsService = ReturnType<typeof createCsvExportsService>;
