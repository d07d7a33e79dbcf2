import fs from 'node:fs';
import { readContext } from './context';
import { takeRunningApp } from './running-app';

/**
 * The Twilio auth token must never reach a log line. Suites check responses
 * as they go; this reads everything the app printed during the whole run, after it stopped.
 */
const assertTokenNeverLogged = () => {
  const { logFile, twilioAuthToken } = readContext();
  const log = fs.readFileSync(logFile, 'utf8');
  if (log.includes(twilioAuthToken)) {
    throw new Error(`The Twilio auth token appears in the app's output (${logFile})`);
  }
};

export default async function globalTeardown() {
  const running = takeRunningApp();
  if (!running) return;
  await running.app.stop();
  await running.emulator.stop();
  await running.database.dispose();
  assertTokenNeverLogged();
}
