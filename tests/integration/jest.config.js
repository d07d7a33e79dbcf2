/**
 * API tests: one real Strapi process (`strapi start`) booted once per run on its own fresh
 * PostgreSQL database, with the Twilio emulator in-process; tests talk to it over HTTP.
 * @type {import('jest').Config}
 */
module.exports = {
  displayName: 'api',
  rootDir: '../..',
  testMatch: ['<rootDir>/tests/integration/**/*.test.api.ts'],
  testEnvironment: 'node',
  setupFilesAfterEnv: ['<rootDir>/tests/jest-timeout.js'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/tests/integration/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/integration/setup/global-teardown.ts',
};
