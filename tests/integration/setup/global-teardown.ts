import { takeRunningApp } from './running-app';

export default async function globalTeardown() {
  const running = takeRunningApp();
  if (!running) return;
  await running.app.stop();
  await running.emulator.stop();
  await running.database.dispose();
}
