import { describeTwilioError } from '../domain/twilio-errors';
import { isoOrNull, jsonColumn } from '../database/sql-row';
import { actorLabel } from '../../../shared/audit';

type Row = Record<string, unknown>;
export type CsvColumn = { header: string; value: (row: Row) => string };

/**
 * A text a person or WhatsApp typed (a name, a body) that a spreadsheet would run as a formula
 * (= + - @, tab, carriage return first) gets a leading apostrophe, as OWASP advises: a candidate
 * names themselves on WhatsApp, and that name must not become a formula on a staff member's PC.
 */
export const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

/** Values we produce ourselves (codes, E.164 numbers, documentIds, statuses): as they are. */
const plain = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
/** ISO 8601 text from the SQL (sql.ts) as it is; a Date (candidates' columns) formatted. */
const time = (value: unknown): string => (typeof value === 'string' ? value : (isoOrNull(value) ?? ''));

const errorCode = (row: Row) => (row.error_code === null || row.error_code === undefined ? null : Number(row.error_code));
/** The same words the recipients API and the Inbox show (utils/message-view.ts). */
const errorWords = (row: Row) => cellText(describeTwilioError(errorCode(row), row.error_message as string | null) ?? row.error_message);

const column = (header: string, value: (row: Row) => string): CsvColumn => ({ header, value });

/** A message's error (code and words) and the times it reached each status. */
const DELIVERY_COLUMNS: CsvColumn[] = [
  column('error_code', (row) => plain(row.error_code)),
  column('error', errorWords),
  column('sent_at', (row) => time(row.sent_at)),
  column('delivered_at', (row) => time(row.delivered_at)),
  column('read_at', (row) => time(row.read_at)),
  column('failed_at', (row) => time(row.failed_at)),
];

/** One row per recipient of a campaign. */
export const RECIPIENT_COLUMNS: CsvColumn[] = [
  column('candidate_name', (row) => cellText(row.candidate_name)),
  column('phone', (row) => plain(row.candidate_phone)),
  column('status', (row) => plain(row.status)),
  ...DELIVERY_COLUMNS,
  column('replied_at', (row) => time(row.replied_at)),
  column('skip_reason', (row) => plain(row.skip_reason)),
  column('skip_detail', (row) => cellText(row.skip_detail)),
  column('dispatched_at', (row) => time(row.dispatched_at)),
  column('twilio_sid', (row) => plain(row.twilio_sid)),
  column('candidate_id', (row) => plain(row.candidate_document_id)),
];

/** One row per message, inbound and outbound. */
export const MESSAGE_COLUMNS: CsvColumn[] = [
  column('created_at', (row) => time(row.created_at)),
  column('direction', (row) => plain(row.direction)),
  column('status', (row) => plain(row.status)),
  column('candidate_name', (row) => cellText(row.candidate_name)),
  column('phone', (row) => plain(row.candidate_phone)),
  column('from', (row) => plain(row.from)),
  column('to', (row) => plain(row.to)),
  column('body', (row) => cellText(row.body)),
  column('campaign', (row) => cellText(row.campaign_name)),
  // Who caused an outbound message, worded as the thread shows it.
  column('sent_by', (row) => cellText(actorLabel({ type: row.actor_type as never, name: row.actor_name as string | null }))),
  ...DELIVERY_COLUMNS,
  column('twilio_sid', (row) => plain(row.twilio_sid)),
  column('message_id', (row) => plain(row.document_id)),
  column('candidate_id', (row) => plain(row.candidate_document_id)),
  column('campaign_id', (row) => plain(row.campaign_document_id)),
];

/** Tags joined by "; ", the separator a candidate import reads back. */
const tags = (row: Row) => cellText((jsonColumn<unknown[]>(row.tags) ?? []).map(String).join('; '));
const attributes = (row: Row) => {
  const value = jsonColumn<Record<string, unknown>>(row.attributes);
  return value && Object.keys(value).length > 0 ? JSON.stringify(value) : '';
};

/** One row per candidate. */
export const CANDIDATE_COLUMNS: CsvColumn[] = [
  column('name', (row) => cellText(row.name)),
  column('phone', (row) => plain(row.phone)),
  column('email', (row) => cellText(row.email)),
  column('opt_in', (row) => plain(row.opt_in)),
  column('opt_in_at', (row) => time(row.opt_in_at)),
  column('opt_in_source', (row) => cellText(row.opt_in_source)),
  column('opt_out_at', (row) => time(row.opt_out_at)),
  column('tags', tags),
  column('attributes', attributes),
  column('last_inbound_at', (row) => time(row.last_inbound_at)),
  column('created_at', (row) => time(row.created_at)),
  column('candidate_id', (row) => plain(row.document_id)),
];
