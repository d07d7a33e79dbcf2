import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import type { KnexTransactionLike } from 'pg-boss';
import { CAMPAIGN, CAMPAIGN_ENV, SEND } from '../constants';
import { JOB } from '../jobs/names';
import { dispatchPhone, senderKeyOf } from '../domain/campaign-recipient';
import { type SkipReason } from '../../../shared/campaigns';
import { senderAddress } from '../domain/outbound-request';
import { toWhatsAppAddress } from '../domain/phone';
import { renderTemplate } from '../domain/placeholders';
import { checkConfigured } from '../domain/send-rules';
import type { ResolvedSettings } from '../domain/settings';
import { checkTemplateUsable } from '../domain/template-approval';
import { dispatchConcurrency } from '../domain/dispatch-concurrency';
import {
  createCampaignDispatchRepository,
  type ClaimedRecipient,
  type MessageToCreate,
  type RecipientSkip,
} from './dispatch-sql';
import { newDocumentId } from '../database/strapi-tables';
import { tryLockDispatcher, type DispatchLock } from './dispatch-lock';
import { createPacer, createStartWindow, type Pacer, type StartWindow } from '../utils/pacer';
import type { OutgoingMessage, SendSession } from '../sending/batch-sender';
import type { Grant } from '../sending/rate-limiter';
import { getService } from '../utils/get-service';

export type DispatchRunOutcome = 'done' | 'busy' | 'not-this-sender' | 'passed-on' | 'stopping';

/** The conversation list shows this much of the last message (as sending/outbound.ts). */
const PREVIEW_MAX = 200;

/** A run refreshes the outbox's planner statistics after writing this many messages, then twice as many… */
const ANALYZE_FIRST_AFTER = 500;
/** How many times a job for a sender this instance does not serve is passed on. */
const HANDOVER_HOPS = 20;
/**
 * How long a run waits for the sender's lock: the run queued by one finishing its time waits for
 * that one's last sends; a run queued while another goes on gives up after this (the other
 * queues a next run when it ends).
 */
const HANDOVER_LOCK_WAIT_MS = 3_000;
/** How long a worker that queued a dispatcher job stays busy, leaving the job to an idle instance. */
const HANDOVER_YIELD_MS = 250;
/**
 * How many times an instance passes on the next run it queued itself when it picks that run up.
 * It has a second worker free while its last run's sends go out, and that worker often won the
 * race with the other instances' idle workers for the job: one instance could run a whole
 * campaign while another stood by. Passed on once, the job goes to an idle instance if there is
 * one; with a single instance the next run starts HANDOVER_YIELD_MS later, once a minute.
 */
const HANDOVER_SELF_HOPS = 1;

const positiveEnv = (name: string): number | undefined => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
};

const previewOf = (body: string, variables: Record<string, string> | null) => {
  const text = renderTemplate(body, variables ?? {}).text;
  return text.length > PREVIEW_MAX ? `${text.slice(0, PREVIEW_MAX - 1)}…` : text;
};

type Prepared = { messages: MessageToCreate[]; skips: RecipientSkip[]; outgoing: Map<number, Omit<OutgoingMessage, 'id' | 'documentId'>> };

/** Who of a claimed batch is sent to now, and who turned out unsendable since the launch. */
const prepareBatch = (claimed: ClaimedRecipient[], settings: ResolvedSettings): Prepared => {
  const messages: MessageToCreate[] = [];
  const skips: RecipientSkip[] = [];
  const outgoing: Prepared['outgoing'] = new Map();
  const skip = (recipientId: number, reason: SkipReason, detail: string) => skips.push({ recipientId, reason, detail });
  for (const recipient of claimed) {
    if (!recipient.candidateDocumentId) {
      skip(recipient.id, 'candidate_deleted', 'The candidate was deleted after the launch.');
      continue;
    }
    if (recipient.optIn === 'opted_out') {
      skip(recipient.id, 'opted_out', 'The candidate opted out of WhatsApp messages (sent STOP) after the launch.');
      continue;
    }
    const phone = dispatchPhone(recipient.phone, settings.defaultCountry);
    if (!phone.ok) {
      skip(recipient.id, 'invalid_phone', phone.detail);
      continue;
    }
    messages.push({
      recipientId: recipient.id,
      campaignId: recipient.campaignId,
      candidateId: recipient.candidateId,
      candidateDocumentId: recipient.candidateDocumentId,
      templateId: recipient.templateId,
      retryOfMessageId: recipient.retryOfMessageId,
      messageDocumentId: newDocumentId(),
      conversationDocumentId: newDocumentId(),
      to: toWhatsAppAddress(phone.e164),
      variables: recipient.variables,
      preview: previewOf(recipient.templateBody ?? '', recipient.variables),
    });
    outgoing.set(recipient.id, { toE164: phone.e164, contentSid: recipient.contentSid ?? '', variables: recipient.variables });
  }
  return { messages, skips, outgoing };
};

/**
 * The campaign dispatcher of one sender. A run (one pg-boss job) holds the sender's advisory
 * lock, so one dispatcher per sender runs at a time across all instances. It hands waiting
 * recipients to the outbox batch by batch (claimed with SKIP LOCKED, written in one statement)
 * and sends each message at the time its token from the sender's bucket allows: fresh messages
 * through the batched campaign send (sending/batch-sender.ts), anything the outbox already
 * knows — a send a dead instance left, a retry — through the one-message send path
 * (sending/delivery.ts), which reconciles with Twilio before sending again. After about
 * `CAMPAIGN.runMs` it releases the lock and queues the next run, which any instance may take; a
 * killed instance's lock dies with its connection.
 */
export const createCampaignDispatchService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createCampaignDispatchRepository(strapi);
  let stopping = false;
  // One per sender for the life of the instance: a run and the next overlap for a moment, and
  // their sends count together against the rate.
  const startWindows = new Map<string, StartWindow>();
  const startWindowOf = (sender: string) => {
    let window = startWindows.get(sender);
    if (!window) startWindows.set(sender, (window = createStartWindow()));
    return window;
  };

  const runMs = () => (positiveEnv(CAMPAIGN_ENV.runSeconds) ?? CAMPAIGN.runMs / 1000) * 1000;

  // Tells this process's own handovers apart from other instances' (see HANDOVER_SELF_HOPS).
  const instanceId = randomUUID();

  const kick = async (options: { sender?: string; trx?: KnexTransactionLike; startAfter?: Date; hops?: number; handedOverBy?: string } = {}) => {
    const sender = options.sender ?? senderKeyOf(await getService(strapi, 'settings').getResolved());
    if (!sender) return;
    await getService(strapi, 'queue').send(
      JOB.campaignDispatch,
      { sender, ...(options.hops ? { hops: options.hops } : {}), ...(options.handedOverBy ? { handedOverBy: options.handedOverBy } : {}) },
      { ...(options.trx ? { trx: options.trx } : {}), ...(options.startAfter ? { startAfter: options.startAfter } : {}) }
    );
  };

  /** Hands up to `limit` waiting recipients to the outbox; null when none was waiting. */
  const claimBatch = async (sender: string, limit: number, settings: ResolvedSettings, leaseNow: boolean): Promise<OutgoingMessage[] | null> =>
    strapi.db.transaction(async ({ trx }) => {
      const claimed = await repository.claim(trx, sender, limit);
      if (claimed.length === 0) return null;
      const { messages, skips, outgoing } = prepareBatch(claimed, settings);
      await repository.markSkipped(trx, skips);
      const created = await repository.materialize(trx, {
        sender,
        from: senderAddress(settings) ?? null,
        now: new Date(),
        messages,
        leaseSeconds: leaseNow ? SEND.leaseSeconds : null,
      });
      return created.map(({ recipientId, id, documentId }) => ({ id, documentId, ...outgoing.get(recipientId)! }));
    });

  /** `count` claims of up to `limit` each, side by side; null when none found anyone waiting. */
  const claimBatches = async (sender: string, limit: number, count: number, settings: ResolvedSettings, leaseNow: boolean) => {
    const settled = await Promise.allSettled(Array.from({ length: count }, () => claimBatch(sender, limit, settings, leaseNow)));
    // A claim that failed wrote nothing (its transaction rolled back); what the others claimed is sent.
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    const found = settled.flatMap((result) => (result.status === 'fulfilled' && result.value !== null ? [result.value] : []));
    if (failed && found.length === 0) throw failed.reason;
    if (failed) strapi.log.warn(`[whatsapp] campaign dispatcher: a claim failed (${(failed.reason as Error).message}); the others go on`);
    return found.length === 0 ? null : found.flat();
  };

  /** One send through the send path; a refusal to go faster slows the whole sender down. */
  const deliverOne = async (sender: string, mps: number, messageId: string) => {
    try {
      // Its token was reserved with the others of its batch (sendPaced).
      const outcome = await getService(strapi, 'sending').delivery.deliver(messageId, { tokenHeld: true });
      // 429/20429, 5xx or no answer: Twilio is pushing back; the message itself is retried by the outbox.
      if (outcome === 'retry-scheduled') await getService(strapi, 'sending').rateLimiter.slowDown(sender, mps);
    } catch (error) {
      await getService(strapi, 'database-faults').logUnlessUnreachable(error, 'campaign sends', () =>
        strapi.log.error(
          `[whatsapp] campaign message ${messageId} could not be sent now (${error instanceof Error ? error.message : String(error)}); it stays in the outbox`
        )
      );
    }
  };

  /** Messages the outbox already knows (left by a stopped dispatcher), one by one through the send path. */
  const sendPaced = async (pacer: Pacer, sender: string, mps: number, messageIds: string[]) => {
    if (messageIds.length === 0) return;
    const grant = await getService(strapi, 'sending').rateLimiter.reserve(sender, messageIds.length, mps);
    const base = grant.grantedAt;
    messageIds.forEach((messageId, index) =>
      pacer.schedule(base + (grant.delaysMs[index] ?? 0), () => deliverOne(sender, mps, messageId), 1000 / grant.rate)
    );
  };

  /** A freshly handed-over batch, through the batched campaign send (sending/batch-sender.ts). */
  const sendFresh = (
    pacer: Pacer,
    session: SendSession,
    send: { sender: string; mps: number; batch: OutgoingMessage[]; grant: Grant; claimed: boolean }
  ) => {
    const { sender, mps, batch, grant } = send;
    // Tokens count from when they were granted (often while the batch was being claimed).
    const base = grant.grantedAt;
    const ready = batch.filter((message) => message.contentSid);
    // A reservation made alongside the claim may hold more tokens than the claim found recipients.
    const readyDelays = grant.delaysMs.slice(0, batch.length).filter((_, index) => batch[index]!.contentSid);
    // Sends that fall behind (a busy event loop) catch up, never more than the granted rate in any second.
    const spacingMs = 1000 / grant.rate;
    session.schedule(pacer, ready, base, readyDelays, send.claimed, spacingMs);
    // No ContentSid (the template lost it since the check): the send path says why it fails.
    batch.forEach((message, index) => {
      if (!message.contentSid) pacer.schedule(base + (grant.delaysMs[index] ?? 0), () => deliverOne(sender, mps, message.documentId), spacingMs);
    });
  };

  /** Campaigns whose template can no longer be sent are paused, with the reason. */
  const pauseUnsendable = async (sender: string) => {
    for (const campaign of await repository.runningCampaigns(sender)) {
      const verdict = campaign.template ? checkTemplateUsable(campaign.template) : null;
      if (verdict?.usable) continue;
      const reason = verdict ? verdict.message : 'The template of this campaign was deleted';
      await getService(strapi, 'campaigns').actions
        .pauseBecause(campaign.documentId, `${reason}.`)
        .catch((error: Error) => strapi.log.warn(`[whatsapp] campaign ${campaign.documentId} could not be paused: ${error.message}`));
    }
  };

  const completeFinished = async (sender: string) => {
    for (const campaign of await repository.completeFinished(sender)) {
      const stats = await getService(strapi, 'campaigns').stats.snapshot(campaign.id);
      strapi.log.info(
        `[whatsapp] campaign ${campaign.documentId} completed: ${stats.total} recipients, ${stats.skipped} skipped, ${stats.failed + stats.undelivered} failed`
      );
    }
  };

  const pump = async (sender: string, lock: DispatchLock): Promise<void> => {
    const deadline = Date.now() + runMs();
    const settingsService = getService(strapi, 'settings');
    let settings = await settingsService.getResolved();
    const pacer = createPacer(dispatchConcurrency(settings.mps, positiveEnv(CAMPAIGN_ENV.concurrency)), Date.now, startWindowOf(sender));
    let nextChecksAt = 0;
    let throttleSince = new Date();
    let lastBatchFull = false;
    let sendingAtOnce = false;
    const slowDown = () =>
      void getService(strapi, 'sending').rateLimiter
        .slowDown(sender, settings.mps)
        .catch((error: Error) => strapi.log.warn(`[whatsapp] campaign dispatcher could not slow down: ${error.message}`));
    const session = getService(strapi, 'sending').batch.open(settings, { onPushback: slowDown });
    // Statistics refreshed as this run writes messages: after 500, 1,000, 2,000… (see analyzeOutbox).
    let written = 0;
    let analyzeAt = ANALYZE_FIRST_AFTER;
    const counted = (batch: OutgoingMessage[]) => {
      written += batch.length;
      if (written < analyzeAt) return;
      analyzeAt *= 2;
      void repository.analyzeOutbox(written).catch((error: Error) => strapi.log.warn(`[whatsapp] campaign dispatcher: ANALYZE failed: ${error.message}`));
    };

    // Left by a dispatcher that died: in the outbox, never sent, nobody on them (or, once a dead
    // instance's lease on a send has run out, that send, which the outbox reconciles first).
    // Looked for only while this run has nothing in flight, so none of them is its own.
    const resumeOrphans = async (mps: number) => {
      const orphans = await repository.findOrphans(sender, 10_000);
      if (orphans.length > 0) strapi.log.info(`[whatsapp] campaign dispatcher: resuming ${orphans.length} message(s) a stopped dispatcher left`);
      await sendPaced(pacer, sender, mps, orphans);
      return orphans.length;
    };
    await resumeOrphans(settings.mps);

    while (!stopping && lock.held() && Date.now() < deadline) {
      settings = await settingsService.getResolved();
      if (senderKeyOf(settings) !== sender) break;
      const mps = settings.mps;
      if (Date.now() >= nextChecksAt) {
        const checkedAt = new Date();
        if (await repository.rateLimitedSince(throttleSince)) await getService(strapi, 'sending').rateLimiter.slowDown(sender, mps);
        throttleSince = checkedAt;
        await pauseUnsendable(sender);
        nextChecksAt = Date.now() + CAMPAIGN.throttleCheckMs;
      }
      const batchSize = Math.max(1, Math.min(CAMPAIGN.maxBatch, Math.ceil(mps * CAMPAIGN.batchSeconds)));
      // The next batch is handed over while this one is still going out, so sends never wait on it;
      // when batches go at once, claims take about as long as the sends, so two claims' worth wait.
      await pacer.waitForRoom(CAMPAIGN.lookaheadMs, sendingAtOnce ? batchSize * CAMPAIGN.parallelClaims : batchSize);
      // While full batches keep coming, their tokens are reserved alongside the hand-over (a token
      // left over at the end is a send not made, never one too many); when the bucket lets whole
      // batches go at once, they are claimed as they are written.
      const rateLimiter = getService(strapi, 'sending').rateLimiter;
      // Sending faster than one claim can write, several claims run side by side (SKIP LOCKED
      // keeps them apart), each in a transaction of its own.
      const claims = sendingAtOnce ? CAMPAIGN.parallelClaims : 1;
      const [batch, early]: [OutgoingMessage[] | null, Grant | null] = await Promise.all([
        claimBatches(sender, batchSize, claims, settings, sendingAtOnce),
        lastBatchFull ? rateLimiter.reserve(sender, batchSize * claims, mps) : Promise.resolve(null),
      ]);
      const claimed = sendingAtOnce;
      lastBatchFull = batch?.length === batchSize * claims;
      if (batch === null) {
        sendingAtOnce = false;
        // Nothing waiting: the campaigns finish as their last messages leave the outbox.
        if (pacer.size() === 0) {
          await session.flush();
          if ((await resumeOrphans(mps)) > 0) continue;
          await completeFinished(sender);
          if (!(await repository.workLeft(sender)).running) break;
        }
        await sleep(CAMPAIGN.idlePollMs);
        continue;
      }
      const grant: Grant = early ?? (await rateLimiter.reserve(sender, batch.length, mps));
      sendingAtOnce = (grant.delaysMs.at(-1) ?? 0) <= CAMPAIGN.lookaheadMs;
      sendFresh(pacer, session, { sender, mps, batch, grant, claimed });
      counted(batch);
    }
    // Out of time with work left: every message this run scheduled is claimed now (so none looks
    // left over) and the next run is queued; it waits for the lock (HANDOVER_LOCK_WAIT_MS), which
    // run() releases once this run's last sends have gone out.
    if (!stopping && lock.held() && Date.now() >= deadline && (await repository.workLeft(sender)).running) {
      await session.claimRemaining();
      await kick({ sender, handedOverBy: instanceId });
    }
    await pacer.drain();
    await session.flush();
    await completeFinished(sender);
  };

  return {
    kick,

    /** At boot: a running campaign whose dispatcher died with an instance goes on at once. */
    async resumeRunning() {
      const sender = senderKeyOf(await getService(strapi, 'settings').getResolved());
      if (sender && (await repository.workLeft(sender)).running) await kick({ sender });
    },

    async run(sender: string, hops = 0, handedOverBy?: string): Promise<DispatchRunOutcome> {
      if (stopping) return 'stopping';
      if (handedOverBy === instanceId && hops < HANDOVER_SELF_HOPS) {
        await kick({ sender, hops: hops + 1, handedOverBy });
        await sleep(HANDOVER_YIELD_MS);
        return 'passed-on';
      }
      const settings = await getService(strapi, 'settings').getResolved();
      if (senderKeyOf(settings) !== sender || checkConfigured(settings)) {
        // Instances usually share one configuration; one set up with another sender (whose From
        // it would use) passes the job on, so the instances that do serve the sender get it. The
        // minute scheduler queues another if none takes it within HANDOVER_HOPS. This worker stays
        // busy a moment after queueing it, so an idle instance (woken by the queue's NOTIFY) takes it.
        if (hops < HANDOVER_HOPS) {
          await kick({ sender, hops: hops + 1 });
          await sleep(HANDOVER_YIELD_MS);
        }
        return 'not-this-sender';
      }
      const lock = await tryLockDispatcher(strapi, sender, HANDOVER_LOCK_WAIT_MS);
      if (!lock) return 'busy';
      try {
        // A run's last sends go out before the lock is released, so the next run (queued already,
        // waiting for the lock) starts sending once they have: two instances never send for a
        // sender at once. Each instance paces its own starts; overlapping, a run's last sends that
        // fell behind and caught up plus the next run's first sends went over the rate within a
        // second (the two-instance test saw 24 in one second at 20 MPS).
        await pump(sender, lock);
      } finally {
        await lock.release();
      }
      if ((await repository.workLeft(sender)).running) {
        // Otherwise queued only now the lock is free; a launch that found the lock taken while we
        // held it is seen here. Handed over, the next run is queued already but may have stopped
        // waiting for the lock (a tail longer than HANDOVER_LOCK_WAIT_MS): one more is queued, and
        // finds the lock taken if that one did start. This worker then stays busy a moment, so an
        // idle instance takes the next run (the work spreads over the instances); if none is idle,
        // this one takes it when the moment is over.
        await kick({ sender });
        if (!stopping) await sleep(HANDOVER_YIELD_MS);
      }
      return 'done';
    },

    /** Shutdown: the current run stops claiming and lets its sends finish. */
    stop() {
      stopping = true;
    },
  };
};

export type CampaignDispatchService = ReturnType<typeof createCampaignDispatchService>;
