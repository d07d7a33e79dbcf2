/**
 * Browser tests: the real app with its admin panel built and served, on its own fresh
 * PostgreSQL database, driven through Debian's Chromium with playwright-core.
 * @type {import('jest').Config}
 */
module.exports = {
  displayName: 'e2e',
  rootDir: '../..',
  testMatch: ['<rootDir>/tests/e2e/**/*.test.e2e.ts'],
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/tests/e2e/setup/context-env.js'],
  setupFilesAfterEnv: ['<rootDir>/tests/jest-timeout.js'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/tests/e2e/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/setup/global-teardown.ts',
};
