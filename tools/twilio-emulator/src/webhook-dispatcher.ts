import type { CallbackAttempt } from './types';
import { postSigned, type SignedPost } from './webhook-poster';

export interface CallbackQuery {
  messageSid?: string;
  kind?: CallbackAttempt['kind'];
}

/**
 * Sends the emulator's webhooks and keeps the log of every attempt. Posts that share a key (a
 * message SID) go out one after another, so a receiver sees a message's statuses in order.
 */
export class WebhookDispatcher {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private log: CallbackAttempt[] = [];
  private aborter = new AbortController();
  // Posts started before a reset must not land in the new log.
  private generation = 0;

  constructor(
    private readonly authToken: string,
    private readonly timeoutMs: () => number,
  ) {}

  /** Posts now; resolves with the attempt once the receiver answered or the post failed. */
  async post(post: SignedPost): Promise<CallbackAttempt> {
    const generation = this.generation;
    const attempt = await this.track(postSigned(post, this.authToken, this.timeoutMs(), this.aborter.signal));
    if (generation === this.generation) this.log.push(attempt);
    return attempt;
  }

  /** Posts after the previous post with the same key has finished. */
  enqueue(key: string, post: SignedPost): Promise<void> {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      await this.post(post);
    });
    this.chains.set(key, next);
    void next.finally(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
    return next;
  }

  list(query: CallbackQuery = {}): CallbackAttempt[] {
    return this.log
      .filter((attempt) => (query.messageSid ? attempt.messageSid === query.messageSid : true))
      .filter((attempt) => (query.kind ? attempt.kind === query.kind : true))
      .map((attempt) => ({ ...attempt, params: { ...attempt.params } }));
  }

  /** Abandons posts under way and clears the log. */
  reset(): void {
    this.abortAll();
    this.generation += 1;
    this.chains.clear();
    this.log = [];
  }

  async shutdown(): Promise<void> {
    this.abortAll();
    await Promise.allSettled([...this.inFlight]);
  }

  private abortAll(): void {
    this.aborter.abort();
    this.aborter = new AbortController();
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
    return promise;
  }
}
