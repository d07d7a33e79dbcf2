/** Tests for the launcher and the embedded PostgreSQL (run: npx jest --config tests/launcher/jest.config.js). */
module.exports = {
  displayName: 'launcher',
  rootDir: '../..',
  testMatch: ['<rootDir>/tests/launcher/**/*.test.ts'],
  testEnvironment: 'node',
  setupFilesAfterEnv: ['<rootDir>/tests/jest-timeout.js'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/launcher/tsconfig.json' }],
  },
  // The tests start real Postgres servers and launcher processes.
};
