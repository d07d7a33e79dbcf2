import crypto from 'node:crypto';

/** The last number handed out, in microseconds of the process's monotonic clock. */
let last = 0n;

/**
 * A valid Indian mobile number no other test of the run uses: +91 9 plus 9 digits from the
 * process's monotonic clock in microseconds, strictly increasing. Why not a counter: Jest gives
 * each test file a fresh copy of this module, so a counter starts again in every file and only
 * randomness told the files apart (two files once drew the same number). The clock is shared by
 * every file of the run and never repeats within 1,000 s.
 */
export const uniqueIndianMobile = (): string => {
  const now = process.hrtime.bigint() / 1000n;
  last = now > last ? now : last + 1n;
  return `+919${(last % 1_000_000_000n).toString().padStart(9, '0')}`;
};

export const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
