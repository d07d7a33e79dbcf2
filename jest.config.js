/**
 * `npm test` runs every project: pure unit tests, the Twilio emulator, the embedded
 * PostgreSQL launcher, the API tests against the booted app, and the admin pages in a browser
 * (Chromium, against the app with its admin panel built).
 * @type {import('jest').Config}
 */
module.exports = {
  projects: [
    '<rootDir>/tests/unit/jest.config.js',
    '<rootDir>/tests/emulator/jest.config.js',
    '<rootDir>/tests/launcher/jest.config.js',
    '<rootDir>/tests/integration/jest.config.js',
    '<rootDir>/tests/e2e/jest.config.js',
  ],
};
