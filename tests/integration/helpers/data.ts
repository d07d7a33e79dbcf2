import crypto from 'node:crypto';

let counter = 0;

/**
 * A valid Indian mobile number no other test (or run) uses: +91 9 plus 9 digits made of
 * this process, a counter and randomness.
 */
export const uniqueIndianMobile = (): string => {
  counter += 1;
  const random = crypto.randomInt(0, 10_000).toString().padStart(4, '0');
  const seq = ((process.pid % 100) * 1000 + counter).toString().padStart(5, '0').slice(-5);
  return `+919${seq}${random}`;
};

export const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
