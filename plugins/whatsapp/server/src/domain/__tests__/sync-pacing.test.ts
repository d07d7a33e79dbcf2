import { createPacer, requestsPerSecond, statusSyncOptions, statusSyncSchedule, syncRetryDelayMs } from '../sync-pacing';

describe('status sync schedule', () => {
  it('runs every 10 minutes by default, and is off for 0/off', () => {
    expect(statusSyncSchedule(undefined)).toEqual({ enabled: true, cron: '*/10 * * * *', minutes: 10 });
    expect(statusSyncSchedule('0')).toEqual({ enabled: false });
    expect(statusSyncSchedule('off')).toEqual({ enabled: false });
  });

  it('takes minutes, rounding to the closest cron that runs at least as often', () => {
    expect(statusSyncSchedule('1')).toEqual({ enabled: true, cron: '* * * * *', minutes: 1 });
    expect(statusSyncSchedule('7')).toMatchObject({ enabled: true, cron: '*/6 * * * *', minutes: 6, warning: expect.stringContaining('6 minutes') });
    expect(statusSyncSchedule('soon')).toMatchObject({ enabled: true, minutes: 10, warning: expect.stringContaining('not a number') });
  });
});

describe('status sync options', () => {
  it('defaults to 5 minutes and a fifth of the budget', () => {
    expect(statusSyncOptions({})).toEqual({ minAgeMinutes: 5, share: 0.2, warnings: [] });
  });

  it('reads the variables and refuses nonsense with a warning', () => {
    expect(statusSyncOptions({ WHATSAPP_STATUS_SYNC_MIN_AGE: '0', WHATSAPP_STATUS_SYNC_SHARE: '0.5' })).toEqual({
      minAgeMinutes: 0,
      share: 0.5,
      warnings: [],
    });
    const bad = statusSyncOptions({ WHATSAPP_STATUS_SYNC_MIN_AGE: '-3', WHATSAPP_STATUS_SYNC_SHARE: '2' });
    expect(bad).toMatchObject({ minAgeMinutes: 5, share: 0.2 });
    expect(bad.warnings).toHaveLength(2);
  });
});

describe('requestsPerSecond', () => {
  it('is the share of the sender budget, split between the runs going on', () => {
    expect(requestsPerSecond(80, 0.2, 1)).toBeCloseTo(16);
    expect(requestsPerSecond(80, 0.2, 2)).toBeCloseTo(8);
    expect(requestsPerSecond(80, 0.2, 0)).toBeCloseTo(16);
  });

  it('never goes below one call per second in total (the sandbox limit is on deliveries)', () => {
    expect(requestsPerSecond(1 / 3, 0.2, 1)).toBe(1);
    expect(requestsPerSecond(1 / 3, 0.2, 2)).toBe(0.5);
  });
});

describe('createPacer', () => {
  it('spaces calls at the rate, slows down after a 429 and recovers step by step', () => {
    let now = 0;
    const pacer = createPacer(4, () => now);
    expect([pacer.reserve(), pacer.reserve(), pacer.reserve()]).toEqual([0, 250, 500]);
    now = 2_000;
    expect(pacer.reserve()).toBe(0);
    pacer.slowDown();
    pacer.slowDown();
    expect(pacer.intervalMs()).toBe(1_000);
    expect(pacer.reserve()).toBe(250);
    pacer.recover();
    expect(pacer.intervalMs()).toBe(500);
    for (let i = 0; i < 10; i += 1) pacer.slowDown();
    expect(pacer.intervalMs()).toBe(4_000);
  });
});

describe('syncRetryDelayMs', () => {
  it('doubles with jitter and is capped at 30 s', () => {
    expect(syncRetryDelayMs(1, () => 0)).toBe(500);
    expect(syncRetryDelayMs(1, () => 1)).toBe(1_000);
    expect(syncRetryDelayMs(3, () => 1)).toBe(4_000);
    expect(syncRetryDelayMs(20, () => 1)).toBe(30_000);
  });
});
