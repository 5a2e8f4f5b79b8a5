// One jest run, several projects. `npm test` runs unit, emulator and browser suites offline;
// `npm run test:rules` runs the rules project under Google's Firestore emulator.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: true }];
const base = { transform: { '^.+\\.ts$': tsJest }, testEnvironment: 'node', rootDir: __dirname };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/functions/test/**/*.test.ts', '<rootDir>/test/unit/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.emulator\\.test\\.ts$'],
    },
    {
      ...base,
      displayName: 'emulator',
      // Emulator suites are I/O bound and share two cores: a scenario may take several seconds.
      testTimeout: 30_000,
      testMatch: ['<rootDir>/functions/test/**/*.emulator.test.ts'],
      globalSetup: '<rootDir>/test/support/firestore-global-setup.js',
      globalTeardown: '<rootDir>/test/support/firestore-global-teardown.js',
    },
    {
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser.test.ts'],
    },
    {
      ...base,
      displayName: 'rules',
      testMatch: ['<rootDir>/test/rules/**/*.rules.test.ts'],
    },
  ],
};
