import path from 'node:path';
import { TMP_DIR } from '../../integration/setup/paths';

/** Where the browser tests' global setup hands its context over (the API tests use WA_TEST_CONTEXT). */
export const E2E_CONTEXT_ENV = 'WA_E2E_CONTEXT';
export const E2E_APP_LOG_FILE = path.join(TMP_DIR, `test-e2e-app-${process.pid}.log`);
export const E2E_PROJECT = 'e2e';
