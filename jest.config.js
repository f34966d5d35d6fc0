// Two projects: `unit` (pure code, no services) and `integration` (real Temporal, Postgres, Redis, S3,
// started once per run by the global setup on free ports).
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
// These dependencies ship ES modules only; Jest's CommonJS runtime needs them compiled like our own code.
const esmOnly = ['typebox', 'cookie', 'content-disposition', 'strnum', 'anynum', 'xml-naming', '@nodable'];
const transform = { '^.+\\.ts$': swc, [`^.+/node_modules/(${esmOnly.join('|')})/.+\\.m?js$`]: swc };
const common = {
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};

module.exports = {
  maxWorkers: 2,
  // Parsing the 30 MB reference files takes a second alone and far longer on a loaded 2-core machine: a timeout
  // is no assertion, so it only has to rule out a hang (Jest reads this option globally, not per project).
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tools/', '<rootDir>/test/'],
      globalSetup: '<rootDir>/test/support/unit-global-setup.ts',
      setupFiles: ['<rootDir>/test/support/fast-check-setup.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-timeout.ts'],
    },
    {
      // The dashboard reads what the whole Temporal server holds (last runs of each kind), so it gets a test stack
      // of its own: its own jest run, its own global setup, no other file's runs and no other file's timers.
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-timeout.ts'],
    },
  ],
};
