import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface OsUser {
  uid: number;
  gid: number;
}

/** Postgres refuses to run as root, so as root every server binary runs as the `postgres` OS user. */
export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The `postgres` OS user, or null when it does not exist (yet). */
export function postgresOsUser(): OsUser | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/** Hands a data directory to the postgres user when root (or an earlier run as another user) left it elsewhere. */
export async function chownTree(dir: string, owner: OsUser): Promise<void> {
  const stat = await fs.stat(dir);
  if (stat.uid === owner.uid) return;
  await fs.chown(dir, owner.uid, owner.gid);
  const entries = await fs.readdir(dir, { recursive: true });
  for (const entry of entries) {
    await fs.lchown(path.join(dir, entry), owner.uid, owner.gid);
  }
}

/** Explains the usual root failure: a parent directory (e.g. a 0700 temp dir) the postgres user cannot enter. */
export function unreachableHint(dataDir: string): string {
  return (
    `the postgres OS user must be able to reach ${dataDir}: ` +
    'every parent directory needs search permission for it (chmod o+x), or pick another data directory'
  );
}
