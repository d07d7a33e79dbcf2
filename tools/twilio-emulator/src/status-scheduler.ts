/** One pending timer per message; scheduling again replaces the previous one. */
export class StatusScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  schedule(sid: string, delayMs: number, step: () => void): void {
    this.cancel(sid);
    const timer = setTimeout(() => {
      this.timers.delete(sid);
      step();
    }, delayMs);
    // A forgotten emulator must not keep a test process alive.
    timer.unref();
    this.timers.set(sid, timer);
  }

  cancel(sid: string): void {
    const timer = this.timers.get(sid);
    if (timer) clearTimeout(timer);
    this.timers.delete(sid);
  }

  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  has(sid: string): boolean {
    return this.timers.has(sid);
  }
}
