import { constants } from 'node:os';
import { isManagedRunning, signalManaged } from './children';
import type { ManagedChild } from './children';

const TRAPPED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const FORCE_AFTER_MS = 30_000;

/**
 * Turns SIGINT/SIGTERM/SIGHUP into an orderly shutdown: the signal goes to the
 * children, and the launcher's own cleanup (emulator, Postgres) runs only after
 * they have exited. A second signal is ignored on purpose: npm and tsx relay
 * Ctrl-C again on top of the terminal's own. A third, or 30 s without an exit,
 * kills the children.
 */
export class Shutdown {
  signal: NodeJS.Signals | null = null;
  private count = 0;
  private readonly children: ManagedChild[] = [];

  constructor(private readonly print: (line: string) => void) {
    for (const signal of TRAPPED) process.on(signal, () => this.onSignal(signal));
  }

  get requested(): boolean {
    return this.signal !== null;
  }

  /** The launcher's exit code when it stops before Strapi ran. */
  get exitCode(): number {
    return this.signal ? 128 + constants.signals[this.signal] : 0;
  }

  track(child: ManagedChild): void {
    this.children.push(child);
    if (this.signal) signalManaged(child, forwarded(this.signal));
  }

  private onSignal(signal: NodeJS.Signals): void {
    this.count += 1;
    if (this.count === 1) {
      this.signal = signal;
      this.print(`${signal} received, stopping...`);
      for (const child of this.children) signalManaged(child, forwarded(signal));
      setTimeout(() => this.kill('did not exit within 30 s'), FORCE_AFTER_MS).unref();
    } else if (this.count >= 3) {
      this.kill('third signal');
    }
  }

  private kill(reason: string): void {
    const running = this.children.filter(isManagedRunning);
    if (running.length === 0) return;
    this.print(`${reason}: killing ${running.map((child) => child.name).join(', ')}`);
    for (const child of running) signalManaged(child, 'SIGKILL');
  }
}

/** Strapi only shuts down gracefully (strapi.destroy()) on SIGINT/SIGTERM; a SIGHUP would kill it outright. */
function forwarded(signal: NodeJS.Signals): NodeJS.Signals {
  return signal === 'SIGHUP' ? 'SIGTERM' : signal;
}
