// Each test file gets its own copy of process.env: in it, the browser tests' app is the one the
// shared helpers (tests/integration/helpers) talk to.
if (process.env.WA_E2E_CONTEXT) process.env.WA_TEST_CONTEXT = process.env.WA_E2E_CONTEXT;
