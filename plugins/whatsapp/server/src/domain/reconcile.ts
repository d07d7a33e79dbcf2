/**
 * Twilio has no idempotency key on Message create. When a send's answer was lost, the
 * message may or may not exist at Twilio: we look through Twilio's recent messages to the
 * recipient for one that is ours. Pure, no Strapi imports.
 */

/** A Twilio Message resource, reduced to what matching needs. */
export type RemoteMessage = {
  sid: string;
  direction: string;
  to: string;
  from: string | null;
  body: string;
  numMedia: number;
  messagingServiceSid: string | null;
  status: string;
  errorCode: number | null;
  errorMessage: string | null;
  dateCreated: Date;
  /** Only some Twilio-compatible APIs return it; when present it names our message id. */
  statusCallback?: string | null;
};

export type ExpectedMessage = {
  to: string;
  /** `whatsapp:+…` when sent with From; absent when sent through a Messaging Service. */
  from?: string;
  messagingServiceSid?: string;
  /** The text Twilio will show as the body; for a template, our rendering of it (may differ). */
  body: string;
  isTemplate: boolean;
  mediaCount: number;
  /** Our StatusCallback URL (carries our message id). */
  statusCallback?: string;
  /** Earliest creation time that can be ours: the first attempt, less clock skew. */
  notBefore: Date;
};

const normalizeText = (text: string) => text.replace(/\r\n/g, '\n').trim();

/**
 * The Twilio message that is ours, or null. `claimedSids` are SIDs already stored on other
 * messages: never adopt one, so two of our messages can't both claim one Twilio message.
 */
export const findAcceptedMessage = (
  remote: RemoteMessage[],
  expected: ExpectedMessage,
  claimedSids: ReadonlySet<string>
): RemoteMessage | null => {
  const plausible = remote
    .filter((message) => message.direction.startsWith('outbound'))
    .filter((message) => message.to === expected.to)
    .filter((message) => !claimedSids.has(message.sid))
    .filter((message) => message.dateCreated.getTime() >= expected.notBefore.getTime())
    .filter((message) =>
      expected.messagingServiceSid
        ? message.messagingServiceSid === expected.messagingServiceSid
        : message.from === expected.from
    )
    // Anything else Twilio reports about the StatusCallback settles it.
    .filter((message) => !message.statusCallback || !expected.statusCallback || message.statusCallback === expected.statusCallback)
    .sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime());

  const byCallback = plausible.find((message) => expected.statusCallback && message.statusCallback === expected.statusCallback);
  if (byCallback) return byCallback;

  const wanted = normalizeText(expected.body);
  const sameContent = plausible.filter(
    (message) => normalizeText(message.body) === wanted && (expected.isTemplate || message.numMedia === expected.mediaCount)
  );
  if (sameContent.length > 0) return sameContent[0]!;

  // Our copy of a template's text may differ from Twilio's (edited since the last sync); a
  // single unclaimed message to this person from this sender in the window can only be ours.
  if (expected.isTemplate && plausible.length === 1) return plausible[0]!;
  return null;
};
