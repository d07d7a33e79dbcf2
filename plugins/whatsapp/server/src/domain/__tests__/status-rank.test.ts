import {
  applyStatusEvent,
  applyStatusEvents,
  currentRank,
  eventRank,
  outranks,
  provenMilestones,
  receivesStatusEvents,
  type DeliveryState,
} from '../status-rank';
import { MESSAGE_STATUSES, OUTBOUND_STATUSES } from '../../../../shared/statuses';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, second));

const fresh = (status: string | null = 'pending', direction = 'outbound'): DeliveryState => ({
  direction,
  status,
  sentAt: null,
  deliveredAt: null,
  readAt: null,
  failedAt: null,
  errorCode: null,
  errorMessage: null,
});

describe('status rank', () => {
  it('orders the delivery statuses queued < sending < sent < delivered < read', () => {
    const order = ['pending', 'queued', 'sending', 'sent', 'delivered', 'read'];
    for (let i = 1; i < order.length; i += 1) {
      expect(outranks(order[i] as string, order[i - 1])).toBe(true);
      expect(outranks(order[i - 1] as string, order[i])).toBe(false);
    }
  });

  it('lets a failure end a message that was not delivered, and nothing earlier move it again', () => {
    for (const before of ['pending', 'accepted', 'queued', 'sending', 'sent']) {
      expect(outranks('failed', before)).toBe(true);
      expect(outranks('undelivered', before)).toBe(true);
      expect(outranks(before, 'failed')).toBe(false);
    }
    expect(outranks('failed', 'delivered')).toBe(false);
    expect(outranks('undelivered', 'read')).toBe(false);
    expect(outranks('undelivered', 'failed')).toBe(false);
  });

  it('never applies a status it does not know, and never rewrites an inbound message', () => {
    expect(eventRank('partially_delivered')).toBeUndefined();
    expect(outranks('partially_delivered', 'pending')).toBe(false);
    expect(outranks('read', 'received')).toBe(false);
    expect(outranks('__proto__', 'pending')).toBe(false);
  });

  it('applies only outbound statuses as events: received and pending never move a message', () => {
    for (const status of MESSAGE_STATUSES) {
      expect([status, eventRank(status) !== undefined]).toEqual([status, (OUTBOUND_STATUSES as readonly string[]).includes(status)]);
    }
    for (const current of ['pending', 'queued', 'sent', 'delivered', 'read', 'failed']) {
      expect(outranks('received', current)).toBe(false);
      expect(outranks('pending', current)).toBe(false);
    }
  });

  it('lets status events move outbound messages only', () => {
    expect(receivesStatusEvents('outbound')).toBe(true);
    expect(receivesStatusEvents('inbound')).toBe(false);
    expect(receivesStatusEvents(null)).toBe(false);
  });

  it('treats a missing or unknown current status as not yet handed over', () => {
    expect(currentRank(null)).toBe(0);
    expect(currentRank('')).toBe(0);
    expect(currentRank('something')).toBe(0);
    expect(outranks('queued', null)).toBe(true);
  });

  it('knows which timestamps an event proves', () => {
    expect(provenMilestones('sent')).toEqual({ sent: true, delivered: false, read: false });
    expect(provenMilestones('read')).toEqual({ sent: true, delivered: true, read: true });
    expect(provenMilestones('failed')).toEqual({ sent: false, delivered: false, read: false });
    expect(provenMilestones('queued')).toEqual({ sent: false, delivered: false, read: false });
    expect(provenMilestones('received')).toEqual({ sent: false, delivered: false, read: false });
  });
});

describe('applyStatusEvent', () => {
  it('ends read with every timestamp when read arrives before sent and delivered', () => {
    const state = applyStatusEvents(fresh('queued'), [
      { status: 'read', at: at(3) },
      { status: 'sent', at: at(4) },
      { status: 'delivered', at: at(5) },
    ]);
    expect(state).toEqual({ ...fresh('read'), sentAt: at(3), deliveredAt: at(3), readAt: at(3) });
  });

  it('keeps delivered when failed arrives after it', () => {
    const delivered = applyStatusEvents(fresh('queued'), [
      { status: 'sent', at: at(1) },
      { status: 'delivered', at: at(2) },
    ]);
    const after = applyStatusEvent(delivered, { status: 'failed', at: at(3), errorCode: 30008, errorMessage: 'Unknown error' });
    expect(after).toEqual(delivered);
    expect(after.status).toBe('delivered');
  });

  it('keeps the first failure: its error and time', () => {
    const failed = applyStatusEvent(fresh('sent'), { status: 'undelivered', at: at(1), errorCode: 63016, errorMessage: 'Outside the window' });
    expect(failed).toMatchObject({ status: 'undelivered', failedAt: at(1), errorCode: 63016, errorMessage: 'Outside the window' });
    const again = applyStatusEvent(failed, { status: 'failed', at: at(2), errorCode: 30008, errorMessage: 'Other' });
    expect(again).toEqual(failed);
  });

  it('does not move a failed message back to sent, but records delivery proof', () => {
    const failed = applyStatusEvent(fresh('sending'), { status: 'failed', at: at(1), errorCode: 30003 });
    expect(applyStatusEvent(failed, { status: 'sent', at: at(2) })).toEqual({ ...failed, sentAt: at(2) });
    expect(applyStatusEvent(failed, { status: 'delivered', at: at(3) })).toEqual({ ...failed, status: 'delivered', sentAt: at(3), deliveredAt: at(3) });
  });

  it('keeps an error the message already had (from the send) when a failure callback arrives', () => {
    const withError = { ...fresh('sent'), errorCode: 21610, errorMessage: 'Unsubscribed' };
    expect(applyStatusEvent(withError, { status: 'failed', at: at(1), errorCode: 30008 })).toMatchObject({
      status: 'failed',
      errorCode: 21610,
      errorMessage: 'Unsubscribed',
      failedAt: at(1),
    });
  });

  it('keeps read when a received arrives for an outbound message', () => {
    const read = applyStatusEvents(fresh('sent'), [{ status: 'read', at: at(1) }]);
    expect(applyStatusEvent(read, { status: 'received', at: at(2) })).toEqual(read);
  });

  it('changes nothing on an inbound message, whatever the event', () => {
    const inbound = fresh('received', 'inbound');
    for (const status of [...MESSAGE_STATUSES, 'partially_delivered']) {
      expect(applyStatusEvent(inbound, { status, at: at(1), errorCode: 30008, errorMessage: 'x' })).toEqual(inbound);
    }
  });

  it('keeps the first time a milestone was reached', () => {
    const sent = applyStatusEvent(fresh('queued'), { status: 'sent', at: at(1) });
    expect(applyStatusEvent(sent, { status: 'read', at: at(9) })).toEqual({ ...sent, status: 'read', deliveredAt: at(9), readAt: at(9) });
  });
});
