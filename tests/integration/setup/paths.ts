import path from 'node:path';

export const APP_ROOT = path.resolve(__dirname, '../../..');
export const TMP_DIR = path.join(APP_ROOT, '.tmp');
/**
 * Everything the test app prints, for tests that check what was (not) logged. One file per
 * run so that two runs on one machine never mix their logs.
 */
export const APP_LOG_FILE = path.join(TMP_DIR, `test-app-${process.pid}.log`);
export const CONTEXT_ENV = 'WA_TEST_CONTEXT';
