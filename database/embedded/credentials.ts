import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The cluster uses scram-sha-256 with a random password rather than trust auth:
 * with trust, any local user could log in as superuser and, through COPY ... TO
 * PROGRAM, run commands as whoever owns the server. The password lives in the
 * data directory (0600) so it goes away with the cluster it belongs to.
 */
const PASSWORD_FILE = 'embedded-password';

export function newPassword(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export async function readStoredPassword(dataDir: string): Promise<string | null> {
  try {
    const value = (await fs.readFile(path.join(dataDir, PASSWORD_FILE), 'utf8')).trim();
    return value || null;
  } catch {
    return null;
  }
}

/** Written after initdb, which refuses a data directory that is not empty. */
export async function storePassword(dataDir: string, password: string): Promise<void> {
  await fs.writeFile(path.join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
}
