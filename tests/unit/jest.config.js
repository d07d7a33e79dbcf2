/**
 * Unit tests of the plugin's pure rules (server/src) and of the admin's translations, no app needed.
 * @type {import('jest').Config}
 */
module.exports = {
  displayName: 'unit',
  rootDir: '../..',
  testMatch: ['<rootDir>/plugins/whatsapp/server/src/**/__tests__/**/*.test.ts', '<rootDir>/plugins/whatsapp/admin/src/**/__tests__/**/*.test.ts'],
  testEnvironment: 'node',
  setupFilesAfterEnv: ['<rootDir>/tests/jest-timeout.js'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
};
