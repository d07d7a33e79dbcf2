/**
 * `npm test` runs every project: pure unit tests, the Twilio emulator, the embedded
 * PostgreSQL launcher, and the API tests against the booted app.
 * @type {import('jest').Config}
 */
module.exports = {
  projects: [
    '<rootDir>/tests/unit/jest.config.js',
    '<rootDir>/tests/emulator/jest.config.js',
    '<rootDir>/tests/launcher/jest.config.js',
    '<rootDir>/tests/integration/jest.config.js',
  ],
};
