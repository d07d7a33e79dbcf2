/**
 * The most messages created in any `window` consecutive whole seconds (Twilio keeps seconds).
 * Pace checks use windows of several seconds: the emulator stamps a message when it handles the
 * request, and a request's latency moves a send started late in one second into the next.
 */
export const busiestWindow = (seconds: number[], window: number) => {
  const perSecond = new Map<number, number>();
  for (const second of seconds) perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  const first = Math.min(...seconds);
  const last = Math.max(...seconds);
  let most = 0;
  for (let start = first - window + 1; start <= last; start += 1) {
    let sum = 0;
    for (let second = start; second < start + window; second += 1) sum += perSecond.get(second) ?? 0;
    most = Math.max(most, sum);
  }
  return most;
};

/** The whole second a Twilio message was created in. */
export const secondOf = (dateCreated: string) => Math.floor(new Date(dateCreated).getTime() / 1000);
