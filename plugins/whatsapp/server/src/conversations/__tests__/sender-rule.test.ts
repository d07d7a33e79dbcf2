import { currentSenderOf, isOurSender, planReply } from '../sender-rule';

const NOW = new Date('2026-03-01T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

describe('the sender rule', () => {
  it('counts the configured number, the Messaging Service and its pool as ours, nothing else', () => {
    const number = { whatsappNumber: '+15005550006' };
    expect(isOurSender('+15005550006', number, [])).toBe(true);
    expect(isOurSender('+14155238886', number, [])).toBe(false);
    // A pool only counts with a Messaging Service configured.
    expect(isOurSender('+14155238886', number, ['+14155238886'])).toBe(false);

    const service = { messagingServiceSid: 'MG123' };
    expect(isOurSender('MG123', service, [])).toBe(true);
    expect(isOurSender('+14155238886', service, ['+14155238886'])).toBe(true);
    expect(isOurSender('+19998887777', service, ['+14155238886'])).toBe(false);
  });

  it('replies from the conversation sender while ours, with that window', () => {
    const plan = planReply({
      conversationSender: '+15005550006',
      config: { whatsappNumber: '+15005550006' },
      serviceNumbers: [],
      lastInboundWithNextSender: hoursAgo(2),
      now: NOW,
    });
    expect(plan).toEqual({
      conversationSender: '+15005550006',
      senderIsOurs: true,
      nextSender: '+15005550006',
      window: { open: true, expiresAt: '2026-03-02T10:00:00.000Z' },
      freeTextAllowed: true,
    });
  });

  it('moves to the current sender, and its window, when the conversation sender is no longer ours', () => {
    const plan = planReply({
      conversationSender: '+14155238886',
      config: { whatsappNumber: '+15005550006' },
      serviceNumbers: [],
      lastInboundWithNextSender: null,
      now: NOW,
    });
    expect(plan).toMatchObject({ senderIsOurs: false, nextSender: '+15005550006', window: { open: false, expiresAt: null }, freeTextAllowed: false });
  });

  it('allows no free text once 24 hours have passed, nor without any sender', () => {
    expect(
      planReply({ conversationSender: '+1500', config: { whatsappNumber: '+1500' }, serviceNumbers: [], lastInboundWithNextSender: hoursAgo(25), now: NOW })
        .freeTextAllowed,
    ).toBe(false);
    const none = planReply({ conversationSender: '+1415', config: {}, serviceNumbers: [], lastInboundWithNextSender: hoursAgo(1), now: NOW });
    expect(none).toMatchObject({ senderIsOurs: false, nextSender: null, freeTextAllowed: false });
    expect(currentSenderOf({ messagingServiceSid: 'MG1' })).toBe('MG1');
    expect(currentSenderOf({ whatsappNumber: '+1500', messagingServiceSid: 'MG1' })).toBe('+1500');
  });
});
