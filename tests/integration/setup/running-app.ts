import type { AppProcess } from './app-process';
import type { TestDatabase } from './database';

type Running = { app: AppProcess; database: TestDatabase; emulator: { stop(): Promise<void> } };

// Global setup and teardown run in the same process but as separate modules: share through globalThis.
const KEY = Symbol.for('whatsapp.tests.running-app');
type Holder = { [KEY]?: Running };

export const setRunningApp = (running: Running) => {
  (globalThis as Holder)[KEY] = running;
};

export const takeRunningApp = (): Running | undefined => {
  const running = (globalThis as Holder)[KEY];
  delete (globalThis as Holder)[KEY];
  return running;
};
