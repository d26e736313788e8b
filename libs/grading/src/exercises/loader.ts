import { CodedError } from '@creator-ops/errors';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Exercise } from '../types';
import { validateExercise } from './validate';

export class ExerciseError extends CodedError {
  declare readonly code: 'EXERCISE_NOT_FOUND' | 'EXERCISE_INVALID' | 'DATASET_NOT_FOUND';

  constructor(
    code: 'EXERCISE_NOT_FOUND' | 'EXERCISE_INVALID' | 'DATASET_NOT_FOUND',
    message: string,
    readonly problems: string[] = [],
  ) {
    const text = problems.length ? `${message}:\n  - ${problems.join('\n  - ')}` : message;
    super(code, {}, { zh: text, en: text });
    this.name = 'ExerciseError';
  }
}

/** Reads and validates `<dir>/exercise.json` (every problem reported at once). */
export function loadExercise(dir: string): Exercise {
  const file = join(dir, 'exercise.json');
  if (!existsSync(file)) throw new ExerciseError('EXERCISE_NOT_FOUND', `No exercise.json in ${basename(dir)}`);
  const exercise = JSON.parse(readFileSync(file, 'utf8')) as Exercise;
  const problems = validateExercise(exercise);
  if (problems.length) throw new ExerciseError('EXERCISE_INVALID', `Invalid exercise ${exercise.id ?? basename(dir)}`, problems);
  return { ...exercise, dir: resolve(dir) };
}

const LEVEL_ORDER = { 初级: 0, 中级: 1, 高级: 2 } as const;

/** Every exercise under `root` (one folder each): 初级, 中级, 高级, then by id. */
export function listExercises(root: string): Exercise[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'exercise.json')))
    .map((d) => loadExercise(join(root, d.name)))
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.id.localeCompare(b.id));
}

/** One exercise by id; ids are matched against the list, never joined into a path. */
export function findExercise(root: string, id: string): Exercise {
  const found = listExercises(root).find((e) => e.id === id);
  if (!found) throw new ExerciseError('EXERCISE_NOT_FOUND', `Unknown exercise ${id}`);
  return found;
}

/** Absolute path of one of the exercise's dataset files; only names the exercise lists are served. */
export function datasetPath(exercise: Exercise, file: string): string {
  const ds = exercise.datasets.find((d) => d.file === file);
  if (!ds || !exercise.dir || basename(file) !== file) throw new ExerciseError('DATASET_NOT_FOUND', `Unknown dataset ${file}`);
  return join(exercise.dir, file);
}

/** Absolute path of the worked example answer (for graders and tests; not for trainees). */
export function exampleAnswerPath(exercise: Exercise): string {
  if (!exercise.dir) throw new ExerciseError('EXERCISE_NOT_FOUND', `Exercise ${exercise.id} was not loaded from a folder`);
  return join(exercise.dir, 'example-answer.csv');
}

/** What a trainee may see: the task, the data files and the columns asked; never the key or its method. */
export function publicExercise(exercise: Exercise) {
  return {
    id: exercise.id,
    title: exercise.title,
    level: exercise.level,
    skill: exercise.skill,
    template: exercise.template,
    task: exercise.task,
    datasets: exercise.datasets.map((d) => ({ file: d.file, kind: d.kind, label: d.label })),
    columns: exercise.question.columns.map((c) => ({ key: c.key, header: c.header, role: c.role, format: c.format })),
    totalsRow: exercise.question.totalsRow?.label ?? null,
    sortRequired: Boolean(exercise.question.sortRequired),
    scoring: exercise.scoring,
  };
}

export type PublicExercise = ReturnType<typeof publicExercise>;
