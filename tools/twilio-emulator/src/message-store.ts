import type { DateBound } from './dates';
import type { StoredMessage } from './types';

/** `to` and `from` match exactly, channel prefix included, as Twilio's list filters do. */
export interface MessageFilter {
  to?: string;
  from?: string;
  dateSent?: DateBound;
  dateSentBefore?: DateBound;
  dateSentAfter?: DateBound;
  direction?: StoredMessage['direction'];
}

/**
 * A queued message has no date_sent yet; filtering on its creation date instead keeps it
 * findable by a client reconciling a send whose response it never got.
 */
const sentOrCreated = (message: StoredMessage): number => (message.dateSent ?? message.dateCreated).getTime();

const newestFirst = (a: StoredMessage, b: StoredMessage): number =>
  sentOrCreated(b) - sentOrCreated(a) || b.seq - a.seq;

export class MessageStore {
  private readonly bySid = new Map<string, StoredMessage>();
  private seq = 0;

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  add(message: StoredMessage): StoredMessage {
    this.bySid.set(message.sid, message);
    return message;
  }

  get(sid: string): StoredMessage | undefined {
    return this.bySid.get(sid);
  }

  delete(sid: string): boolean {
    return this.bySid.delete(sid);
  }

  clear(): void {
    this.bySid.clear();
  }

  size(): number {
    return this.bySid.size;
  }

  /** Newest first, as Twilio lists messages. */
  query(filter: MessageFilter = {}): StoredMessage[] {
    return [...this.bySid.values()]
      .filter((message) => {
        const when = sentOrCreated(message);
        if (filter.direction && message.direction !== filter.direction) return false;
        if (filter.to && message.to !== filter.to) return false;
        if (filter.from && message.from !== filter.from) return false;
        if (filter.dateSent && (when < filter.dateSent.start.getTime() || when > filter.dateSent.end.getTime())) return false;
        if (filter.dateSentBefore && when > filter.dateSentBefore.end.getTime()) return false;
        if (filter.dateSentAfter && when < filter.dateSentAfter.start.getTime()) return false;
        return true;
      })
      .sort(newestFirst);
  }
}
