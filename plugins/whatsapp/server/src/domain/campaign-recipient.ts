/**
 * A campaign's recipients: who is sent to and who is skipped (and why), what each one's status
 * is, and the counts of a campaign's `stats`. Pure, no Strapi imports.
 */
import { parsePhone, stripWhatsAppPrefix } from './phone';
import { checkRecipientPhone } from './send-rules';
import type { OptInState } from '../../../shared/statuses';
import {
  RECIPIENT_STATUSES,
  SKIP_REASONS,
  type CampaignStats,
  type RecipientStatus,
  type SkippedCounts,
  type SkipReason,
} from '../../../shared/campaigns';
import { renderForCandidate, type CandidateValues, type VariableMapping } from '../../../shared/variable-mapping';

/** What the recipients table holds about a recipient's progress. */
export type RecipientState = 'waiting' | 'dispatched' | 'skipped' | 'canceled';

export type LaunchCandidate = CandidateValues & { optIn?: OptInState | string | null };

export type RecipientPlan =
  | { state: 'waiting'; variables: Record<string, string> }
  | { state: 'skipped'; reason: SkipReason; detail: string };

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Whether a candidate is sent to, decided at launch: opted out first (as the send rules do), then a
 * number that cannot be a WhatsApp address, then a placeholder the mapping leaves empty. Every
 * writer stores phones in E.164 after a full check (document-middlewares/candidate-rules.ts, the
 * webhook), so launch only checks the form; the dispatcher checks the number again in full
 * (checkDispatchPhone) just before sending, when it also reads the opt-in again.
 */
export const planRecipient = (candidate: LaunchCandidate, templateBody: string, mapping: VariableMapping | null | undefined): RecipientPlan => {
  if (candidate.optIn === 'opted_out') {
    return { state: 'skipped', reason: 'opted_out', detail: 'The candidate has opted out of WhatsApp messages (sent STOP).' };
  }
  if (!candidate.phone || !E164.test(candidate.phone)) {
    return { state: 'skipped', reason: 'invalid_phone', detail: 'The candidate has no valid phone number.' };
  }
  const rendered = renderForCandidate(templateBody, mapping, candidate);
  if (rendered.missing.length > 0) {
    const names = rendered.missing.map((n) => `{{${n}}}`).join(', ');
    return { state: 'skipped', reason: 'missing_variable', detail: `No value for ${names} for this candidate.` };
  }
  return { state: 'waiting', variables: rendered.variables };
};

/** The full phone check of the send path, at dispatch time: the number to send to, or why not. */
export const dispatchPhone = (
  phone: string | null | undefined,
  defaultCountry: string
): { ok: true; e164: string } | { ok: false; detail: string } => {
  if (!phone) return { ok: false, detail: 'The candidate has no phone number.' };
  const parsed = parsePhone(phone, defaultCountry);
  const violation = checkRecipientPhone(parsed, stripWhatsAppPrefix(phone));
  if (violation || !parsed.ok) return { ok: false, detail: violation?.message ?? 'The phone number is not valid.' };
  return { ok: true, e164: parsed.e164 };
};

/**
 * The sender a campaign goes out from, as the send path keys conversations: our WhatsApp number,
 * or the Messaging Service SID when there is no number of our own. One dispatcher per sender.
 */
export const senderKeyOf = (settings: { whatsappNumber?: string; messagingServiceSid?: string }): string | null =>
  settings.whatsappNumber ?? settings.messagingServiceSid ?? null;


export const emptyStats = (): CampaignStats => {
  const stats = Object.fromEntries(RECIPIENT_STATUSES.map((status) => [status, 0])) as Record<RecipientStatus, number>;
  const skippedBy = Object.fromEntries(SKIP_REASONS.map((reason) => [reason, 0])) as SkippedCounts;
  return { ...stats, total: 0, replied: 0, skippedBy };
};

const isRecipientStatus = (value: string): value is RecipientStatus => (RECIPIENT_STATUSES as readonly string[]).includes(value);
const isSkipReason = (value: string): value is SkipReason => (SKIP_REASONS as readonly string[]).includes(value);

/** Stats from grouped counts (status, skip reason) and the number of recipients who replied. */
export const toStats = (groups: Array<{ status: string; skipReason: string | null; count: number }>, replied: number): CampaignStats => {
  const stats = emptyStats();
  for (const group of groups) {
    stats.total += group.count;
    if (isRecipientStatus(group.status)) stats[group.status] += group.count;
    if (group.status === 'skipped' && group.skipReason && isSkipReason(group.skipReason)) {
      stats.skippedBy[group.skipReason] += group.count;
    }
  }
  stats.replied = replied;
  return stats;
};
