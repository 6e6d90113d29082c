/** Three tiers: pure unit tests, then integration and e2e tests against real Postgres (and Redis). */
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const transform = { '^.+\\.(ts|js|mjs)$': ['@swc/jest', { ...swc, swcrc: false }] };
// ES-module-only packages pulled in by CommonJS ones: Node 20 requires them natively, jest needs them compiled
const transformIgnorePatterns = ['/node_modules/(?!(.*/)?content-disposition/)'];
const moduleNameMapper = {
  '^@app/(contracts|domain|database|config|security|queue|signing)$': '<rootDir>/libs/$1/src',
  '^@app/(contracts|domain|database|config|security|queue|signing)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const common = { rootDir: __dirname, transform, transformIgnorePatterns, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-timeout.ts'],
    },
  ],
};
