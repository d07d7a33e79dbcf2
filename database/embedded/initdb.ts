import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { OsUser } from './os-user';
import { postgresOsUser } from './os-user';

/** As root, PostgreSQL must run as an unprivileged user: create `postgres` when it is missing. */
export function ensurePostgresOsUser(): OsUser {
  const existing = postgresOsUser();
  if (existing) return existing;
  execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
  execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'], { stdio: 'ignore' });
  const created = postgresOsUser();
  if (!created) throw new Error('Could not create the postgres OS user to run PostgreSQL as');
  return created;
}

/**
 * Creates a cluster in an empty `dataDir` with initdb: UTF8 (the embedded package's
 * locale detection misses Debian's C.utf8 and would fall back to SQL_ASCII), password
 * authentication for `user`. Runs as `runAs` when given (we are root).
 */
export async function runInitdb(args: {
  initdb: string;
  dataDir: string;
  user: string;
  password: string;
  runAs: OsUser | null;
  onLog: (chunk: unknown) => void;
}): Promise<void> {
  const { initdb, dataDir, user, password, runAs, onLog } = args;
  await fs.mkdir(dataDir, { recursive: true });
  const passwordFile = path.join(os.tmpdir(), `pg-password-${crypto.randomBytes(6).toString('hex')}`);
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await fs.chown(dataDir, runAs.uid, runAs.gid);
      await fs.chown(passwordFile, runAs.uid, runAs.gid);
    }
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        initdb,
        [
          `--pgdata=${dataDir}`,
          '--auth=scram-sha-256',
          `--username=${user}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C',
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
          '--lc-messages=C',
        ],
        { ...(runAs ?? {}), env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] }
      );
      const output: string[] = [];
      const collect = (chunk: Buffer) => {
        output.push(chunk.toString('utf8'));
        onLog(chunk);
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb exited with code ${code}: ${output.join('').slice(-2000)}`))
      );
    });
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}
