/** Pure: how a batch of status events is split so that each statement touches a message once. */

/**
 * Splits events (in arrival order) into waves that each hold at most one event per message: an
 * event goes one wave after the last earlier event with the same MessageSid or documentId.
 * Waves run one after the other, so every message sees its events in arrival order.
 */
export const splitIntoWaves = <E extends { messageSid: string; messageDocumentId: string | null }>(events: readonly E[]): number[][] => {
  const waves: number[][] = [];
  const lastWaveBySid = new Map<string, number>();
  const lastWaveByDocument = new Map<string, number>();
  events.forEach((event, index) => {
    const after = Math.max(
      lastWaveBySid.get(event.messageSid) ?? -1,
      event.messageDocumentId === null ? -1 : (lastWaveByDocument.get(event.messageDocumentId) ?? -1)
    );
    const wave = after + 1;
    (waves[wave] ??= []).push(index);
    lastWaveBySid.set(event.messageSid, wave);
    if (event.messageDocumentId !== null) lastWaveByDocument.set(event.messageDocumentId, wave);
  });
  return waves;
};
