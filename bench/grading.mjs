#!/usr/bin/env node
// Batch grading benchmark: 200 generated submissions of one exercise graded with the built
// library (dist/apps/cli/libs/grading), the way `POST /api/exercises/:id/batch` grades them.
//   node bench/grading.mjs [EXERCISE_ID] [COUNT]     (default cj-4.3.4-plan-metrics, 200)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const LIB = join(ROOT, 'dist/apps/cli/libs/grading/src/index.js');
const EXERCISE = process.argv[2] || 'cj-4.3.4-plan-metrics';
const COUNT = Number(process.argv[3] || 200);
const BUDGET_MS = 10_000;

if (!existsSync(LIB)) {
  console.log(`  [skipped] grading: ${LIB} is missing (run \`npm run build\` once the CLI imports @creator-ops/grading)`);
  process.exit(0);
}
const { findExercise, loadExerciseData, answerKey, gradeBatch, batchToXlsx, exampleAnswerPath } = require(LIB);
const Papa = require('papaparse');

const exercise = findExercise(join(ROOT, 'fixtures/exercises'), EXERCISE);
const t0 = performance.now();
const key = answerKey(exercise, await loadExerciseData(exercise));
const keyMs = performance.now() - t0;

// Submissions: the worked answer, its recorded typical mistakes, and random one-cell slips.
const [header, ...rows] = Papa.parse(readFileSync(exampleAnswerPath(exercise), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const mutations = JSON.parse(readFileSync(join(exercise.dir, 'mutations.json'), 'utf8'));
let seed = 11;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const toCsv = (h, r) => Buffer.from('\uFEFF' + Papa.unparse([h, ...r], { newline: '\r\n' }), 'utf8');
const submissions = Array.from({ length: COUNT }, (_, i) => {
  let r = rows.map((x) => [...x]);
  const m = rand() < 0.6 && mutations.length ? mutations[Math.floor(rand() * mutations.length)] : null;
  for (const s of m?.set ?? []) r[s.r][header.indexOf(s.column)] = s.value;
  if (m?.reorder) r = m.reorder.map((k) => r[k]);
  if (m?.removeRows) r = r.filter((_, k) => !m.removeRows.includes(k));
  if (m?.addRows) r = [...r, ...m.addRows];
  if (rand() < 0.3 && r.length > 1) {
    const row = Math.floor(rand() * (r.length - 1));
    const col = 1 + Math.floor(rand() * (header.length - 1));
    r[row][col] = String(Number(r[row][col]) + 1);
  }
  const studentId = `2026${String(i + 1).padStart(4, '0')}`;
  return { studentId, fileName: `${studentId}.csv`, bytes: toCsv(header, r) };
});

const t1 = performance.now();
const batch = await gradeBatch(exercise, key, submissions);
const gradeMs = performance.now() - t1;
const t2 = performance.now();
const xlsx = await batchToXlsx(batch);
const exportMs = performance.now() - t2;

const mean = batch.summary.mean ?? 0;
console.log(
  `  grading ${EXERCISE}: key ${keyMs.toFixed(0)} ms; ${COUNT} submissions graded in ${gradeMs.toFixed(0)} ms (${(gradeMs / COUNT).toFixed(2)} ms each, budget ${BUDGET_MS} ms: ${gradeMs < BUDGET_MS ? 'ok' : 'OVER'}); XLSX export ${exportMs.toFixed(0)} ms, ${xlsx.length} bytes; mean score ${mean.toFixed(1)} / ${key.maxScore}`,
);
