#!/usr/bin/env node
// `npm test`: the whole suite under one server time zone, then the parsing and metric suites again
// under another (results must not depend on the server's TZ), and one closing line for CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const jestBin = join(process.cwd(), 'node_modules', 'jest', 'bin', 'jest.js');
const extra = process.argv.slice(2);
const pg = process.env.TEST_DATABASE_URL;
const passes = [
  { tz: 'America/New_York', args: extra },
  ...(extra.length ? [] : [{ tz: 'UTC', args: ['libs/ingest', 'libs/query', 'libs/format', 'libs/columnar', 'test/samples-ingest'] }]),
  // With a PostgreSQL server (TEST_DATABASE_URL, started by .ci/postgres.sh), the HTTP, CLI and
  // process e2e suites again with PostgreSQL metadata: one database per DATA_DIR (test/helpers/test-database.ts).
  ...(pg && !extra.length
    ? [
        {
          tz: 'Asia/Shanghai',
          args: ['test/[^/]+\\.e2e-spec\\.ts$'],
          env: { DATABASE_URL: pg, CRASH_RUNS: process.env.CRASH_RUNS ?? '5' },
          label: 'PostgreSQL',
        },
      ]
    : []),
];
mkdirSync('.tmp', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;
for (const [i, pass] of passes.entries()) {
  const out = join('.tmp', `jest-${i}.json`);
  console.error(`\n== jest with TZ=${pass.tz}${pass.label ? `, ${pass.label}` : ''}${pass.args.length ? ` (${pass.args.join(' ')})` : ''}`);
  const r = spawnSync(process.execPath, [jestBin, '--json', `--outputFile=${out}`, ...pass.args], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: '', ...pass.env, TZ: pass.tz, NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning' },
  });
  try {
    const summary = JSON.parse(readFileSync(out, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests + summary.numRuntimeErrorTestSuites;
    skipped += summary.numPendingTests + summary.numTodoTests;
  } catch {
    failed += 1;
  }
  if (r.status !== 0) ok = false;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok && failed === 0 ? 0 : 1);
