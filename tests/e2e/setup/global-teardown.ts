import { takeRunningApp } from '../../integration/setup/running-app';
import { E2E_PROJECT } from './paths';

export default async function globalTeardown() {
  const running = takeRunningApp(E2E_PROJECT);
  if (!running) return;
  await running.app.stop();
  await running.emulator.stop();
  await running.database.dispose();
}
