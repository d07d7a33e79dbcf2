/**
 * The Twilio emulator's own tests. Root-relative so the lead can list it under `projects`.
 * @type {import('jest').Config}
 */
module.exports = {
  displayName: 'emulator',
  rootDir: '../..',
  testMatch: ['<rootDir>/tests/emulator/**/*.test.ts'],
  testEnvironment: 'node',
  setupFilesAfterEnv: ['<rootDir>/tests/jest-timeout.js'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/emulator/tsconfig.json' }],
  },
};
