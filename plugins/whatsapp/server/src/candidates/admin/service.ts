import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { CandidateView, TagInUse } from '../../../../shared/candidates';
import { UID } from '../../constants';
import { getService } from '../../utils/get-service';
import { isoOrNull, jsonColumn } from '../../database/sql-row';
import { candidateCountSql, candidatePageSql, tagsInUseSql, type SqlQuery } from './list-sql';
import type { AdminCandidateUpdate, CandidateListQuery } from './validation';
import { pageMeta } from '../../utils/page-meta';

type Row = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A row of the list (snake_case, from SQL) or a document (camelCase), as the page shows it. */
export const toCandidateView = (row: Row): CandidateView => {
  const pick = (camel: string, snake: string) => (camel in row ? row[camel] : row[snake]);
  const tags = jsonColumn<unknown>(row.tags);
  const attributes = jsonColumn<unknown>(row.attributes);
  return {
    documentId: String(pick('documentId', 'document_id')),
    name: (row.name as string | null) ?? null,
    phone: String(row.phone ?? ''),
    email: (row.email as string | null) ?? null,
    optIn: (pick('optIn', 'opt_in') as CandidateView['optIn']) ?? 'unknown',
    optInAt: isoOrNull(pick('optInAt', 'opt_in_at')),
    optInSource: (pick('optInSource', 'opt_in_source') as string | null) ?? null,
    optOutAt: isoOrNull(pick('optOutAt', 'opt_out_at')),
    tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
    attributes: isRecord(attributes) ? (attributes as CandidateView['attributes']) : {},
    lastInboundAt: isoOrNull(pick('lastInboundAt', 'last_inbound_at')),
    createdAt: isoOrNull(pick('createdAt', 'created_at')) as string,
    updatedAt: isoOrNull(pick('updatedAt', 'updated_at')) as string,
  };
};

const TAG_SUGGESTIONS = 20;

/** The Candidates page: its list (SQL), and adding and editing through the Document Service (so every candidate rule applies). */
export const createCandidatesAdminService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = async (query: SqlQuery): Promise<Row[]> =>
    ((await (strapi.db.connection as Knex).raw(query.sql, query.bindings as Knex.RawBinding[])) as { rows: Row[] }).rows;
  // `as never`: plugin content types are not in the host app's generated type registry.
  const documents = () => strapi.documents(UID.candidate as never) as unknown as {
    findOne(params: Row): Promise<Row | null>;
    create(params: Row): Promise<Row>;
    update(params: Row): Promise<Row | null>;
  };

  const findOne = async (documentId: string) => {
    const found = await documents().findOne({ documentId });
    if (!found) throw new errors.NotFoundError('Candidate not found');
    return found;
  };

  return {
    async list(query: CandidateListQuery) {
      const [page, count] = await Promise.all([rows(candidatePageSql(query)), rows(candidateCountSql(query))]);
      const total = Number(count[0]?.total ?? 0);
      return {
        data: page.map(toCandidateView),
        meta: { pagination: pageMeta(query, total) },
      };
    },

    async findOne(documentId: string) {
      return { data: toCandidateView(await findOne(documentId)), meta: {} };
    },

    async tags(search: string | undefined): Promise<{ data: TagInUse[] }> {
      const found = await rows(tagsInUseSql(search || undefined, TAG_SUGGESTIONS));
      return { data: found.map((row) => ({ tag: String(row.tag), count: Number(row.n) })) };
    },

    /** What the form needs to read numbers as the server will: the default country. */
    async formSettings() {
      const { defaultCountry } = await getService(strapi, 'settings').getResolved();
      return { data: { defaultCountry } };
    },

    async create(data: Row) {
      return { data: toCandidateView(await documents().create({ data })), meta: {} };
    },

    async update(documentId: string, input: AdminCandidateUpdate, staff: string) {
      const current = await findOne(documentId);
      const { optInReason, ...data } = input as AdminCandidateUpdate & Row;
      const optingBackIn = current.optIn === 'opted_out' && data.optIn !== undefined && data.optIn !== 'opted_out';
      if (optingBackIn) {
        if (!optInReason) {
          throw new errors.ValidationError('This candidate opted out: say why they are opted back in', {
            errors: [{ path: ['optInReason'], message: 'A reason is required to opt an opted-out candidate back in', name: 'ValidationError' }],
          });
        }
        data.optInSource = `Opted back in by ${staff}: ${optInReason}`.slice(0, 255);
        if (data.optIn === 'opted_in') data.optInAt = new Date().toISOString();
      }
      const updated = await documents().update({ documentId, data });
      if (!updated) throw new errors.NotFoundError('Candidate not found');
      return { data: toCandidateView(updated), meta: {} };
    },
  };
};

export type CandidatesAdminService = ReturnType<typeof createCandidatesAdminService>;
