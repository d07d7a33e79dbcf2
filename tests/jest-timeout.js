// Jest reads `testTimeout` only from the top-level config, not from a project's: set it here
// so each project has the same timeout whether it runs alone or under the root config.
jest.setTimeout(60_000);
