import { parse } from 'csv-parse/sync';
import type request from 'supertest';
import { adminApi, contentApi } from '../helpers/api';
import { uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import { removeSeededRecipients, seedCampaignRecipients } from './seed';

export type CsvRow = Record<string, string>;

/** The body of a CSV answer as rows keyed by the header (the byte order mark dropped). */
export const csvRows = (response: request.Response): CsvRow[] => parse(response.text, { columns: true, bom: true, skip_empty_lines: true }) as CsvRow[];

/** GET on the content API (or `agent`); a text/csv body is buffered as `text`. */
export const getCsv = (path: string, query: Record<string, string> = {}, agent: { get: (path: string) => request.Test } = contentApi()) =>
  agent.get(path).query(query).buffer(true);

/** A draft campaign (no template needed) whose recipients the seed writes. */
export const seededCampaign = async (count: number, options: { base?: Date } = {}) => {
  const created = await adminApi().post('/whatsapp/campaigns').send({ data: { name: uniqueName('Export campaign') } });
  if (created.status !== 201 && created.status !== 200) throw new Error(`campaign create: ${created.status} ${JSON.stringify(created.body)}`);
  const documentId = (created.body.data ?? created.body).documentId as string;
  const key = uniqueName('exp').replace(/_/g, '');
  // A +9182… range of its own per campaign: 10,000 numbers under one random 3-digit prefix.
  const phonePrefix = `+9182${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const seeded = await withDb((client) => seedCampaignRecipients(client, { campaignDocumentId: documentId, count, key, phonePrefix, ...(options.base ? { base: options.base } : {}) }));
  seededSoFar.push({ campaignDocumentId: documentId, key });
  return { documentId, key, phonePrefix, seeded };
};

const seededSoFar: Array<{ campaignDocumentId: string; key: string }> = [];

/** For `afterAll` in every file that seeds: removes the seeded recipients (see removeSeededRecipients). */
export const removeSeededCampaigns = async () => {
  const seeded = seededSoFar.splice(0);
  await withDb(async (client) => {
    for (const campaign of seeded) await removeSeededRecipients(client, campaign);
  });
};
