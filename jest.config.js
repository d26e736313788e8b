/** Nest 12 is ESM-only; run with NODE_OPTIONS=--experimental-vm-modules (see npm test). */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  roots: ['<rootDir>/apps/api/', '<rootDir>/apps/cli/', '<rootDir>/libs/', '<rootDir>/test/'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleNameMapper: {
    '^@creator-ops/core$': '<rootDir>/apps/api/src/core/index.ts',
    '^@creator-ops/core/light$': '<rootDir>/apps/api/src/core/light.ts',
    '^@creator-ops/core/start$': '<rootDir>/apps/api/src/core/start.ts',
    '^@creator-ops/ingest/worker$': '<rootDir>/libs/ingest/src/csv/ingest-worker.ts',
    '^@creator-ops/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 60000,
};
