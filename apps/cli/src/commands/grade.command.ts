import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  answerKey,
  batchToCsv,
  batchToXlsx,
  findExercise,
  gradeBatch,
  gradeSubmission,
  listExercises,
  loadExerciseData,
  parseSubmission,
} from '@creator-ops/grading';
import { loadConfig } from '@creator-ops/core/light';
import { parse, UsageError } from '../args';

export const GRADE_USAGE = 'grade --exercise ID FILE... [--json] [--out results.(csv|xlsx)]   (grade --list: the exercise bank)';

/** Grades answers against the engine-computed key; several files are a batch (file name = student id). */
export async function gradeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    exercise: { type: 'string', short: 'e' },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    list: { type: 'boolean', default: false },
  });
  const root = loadConfig().exercisesDir;
  if (values.list) {
    const items = listExercises(root).map((e) => ({ id: e.id, level: e.level, skill: e.skill, title: e.title }));
    process.stdout.write(
      values.json ? JSON.stringify(items, null, 2) + '\n' : items.map((e) => `${e.id}\t${e.level} ${e.skill}\t${e.title.zh}`).join('\n') + '\n',
    );
    return 0;
  }
  if (!values.exercise || positionals.length === 0) throw new UsageError(`usage: ${GRADE_USAGE}`);
  const exercise = findExercise(root, values.exercise);
  const key = answerKey(exercise, await loadExerciseData(exercise));
  const files = positionals.map((f) => ({ path: resolve(f), fileName: basename(f) }));
  if (files.length === 1 && !values.out) {
    const result = gradeSubmission(exercise, key, await parseSubmission(readFileSync(files[0].path), files[0].fileName));
    if (values.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else {
      process.stdout.write(`${files[0].fileName}: ${result.score} / ${result.maxScore}\n`);
      for (const c of result.cells.filter((x) => !x.correct))
        process.stdout.write(
          `  ${String(c.row)} · ${c.column}: 应为 ${c.expected}，答 ${c.actual ?? '-'}${c.diagnosis ? `（${c.diagnosis.message ?? c.diagnosis.code}）` : ''}\n`,
        );
      for (const d of result.diagnoses) process.stdout.write(`  ! ${d.message ?? d.code}\n`);
    }
    return 0;
  }
  const batch = await gradeBatch(
    exercise,
    key,
    files.map((f) => ({ studentId: f.fileName.replace(/\.[^.]+$/, ''), fileName: f.fileName, bytes: readFileSync(f.path) })),
  );
  if (values.out) writeFileSync(values.out, /\.xlsx$/i.test(values.out) ? await batchToXlsx(batch) : batchToCsv(batch));
  if (values.json) process.stdout.write(JSON.stringify(batch, null, 2) + '\n');
  else if (!values.out) process.stdout.write(batchToCsv(batch));
  return 0;
}
