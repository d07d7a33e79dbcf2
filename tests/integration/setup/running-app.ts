import type { AppProcess } from './app-process';
import type { TestDatabase } from './database';

export type Running = { app: AppProcess; database: TestDatabase; emulator: { stop(): Promise<void> } };

// Global setup and teardown run in the same process but as separate modules: share through
// globalThis. Each Jest project that boots an app keeps it under its own name.
const keyOf = (project: string) => Symbol.for(`whatsapp.tests.running-app.${project}`);
type Holder = Record<symbol, Running | undefined>;

export const setRunningApp = (running: Running, project = 'api') => {
  (globalThis as unknown as Holder)[keyOf(project)] = running;
};

export const takeRunningApp = (project = 'api'): Running | undefined => {
  const holder = globalThis as unknown as Holder;
  const running = holder[keyOf(project)];
  delete holder[keyOf(project)];
  return running;
};
