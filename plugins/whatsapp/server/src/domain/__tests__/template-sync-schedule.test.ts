import { syncIntervalToCron, templateSyncSchedule } from '../template-sync-schedule';

describe('template sync schedule', () => {
  it('syncs hourly by default', () => {
    expect(templateSyncSchedule(undefined)).toEqual({ enabled: true, cron: '0 * * * *', minutes: 60 });
    expect(templateSyncSchedule('  ')).toEqual({ enabled: true, cron: '0 * * * *', minutes: 60 });
  });

  it.each(['0', 'off', 'OFF', 'false'])('is off for %s', (value) => {
    expect(templateSyncSchedule(value)).toEqual({ enabled: false });
  });

  it.each([
    [1, '* * * * *', 1],
    [15, '*/15 * * * *', 15],
    [45, '*/30 * * * *', 30],
    [120, '0 */2 * * *', 120],
    [300, '0 */4 * * *', 240],
    [1440, '0 0 * * *', 1440],
    [10_000, '0 0 * * *', 1440],
  ])('turns %i minutes into the closest cron that runs at least as often', (minutes, cron, effective) => {
    expect(syncIntervalToCron(minutes)).toEqual({ cron, minutes: effective });
  });

  it('warns when it rounds or cannot read the value', () => {
    expect(templateSyncSchedule('45')).toMatchObject({ enabled: true, minutes: 30, warning: expect.stringContaining('30 minutes') });
    expect(templateSyncSchedule('15')).not.toHaveProperty('warning');
    expect(templateSyncSchedule('soon')).toMatchObject({ enabled: true, minutes: 60, warning: expect.stringContaining('not a number') });
  });
});
