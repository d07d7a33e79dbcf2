import type { ManagedChild } from './children';

/**
 * The launcher's exit code once Strapi has exited, with the reason printed. A server (develop,
 * start) that stops without being asked has died: the launcher exits non-zero even when Strapi's
 * own code was 0, so a supervisor's restart-on-failure policy brings it back.
 */
export function strapiExitCode(
  strapi: ManagedChild,
  code: number,
  context: { requested: boolean; server: boolean },
  print: (line: string) => void,
): number {
  const { signalCode, exitCode } = strapi.process;
  const how = signalCode ? `was killed by ${signalCode}` : `exited with code ${exitCode ?? code}`;
  if (context.requested) {
    print(`Strapi ${how} after the shutdown request`);
    return code;
  }
  if (!context.server) {
    if (code !== 0) print(`Strapi ${how}`);
    return code;
  }
  const exit = code === 0 ? 1 : code;
  print(`Strapi ${how} without a shutdown request; exiting with code ${exit} (run under a supervisor that restarts it)`);
  return exit;
}
