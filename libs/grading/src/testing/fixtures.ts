import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { loadExerciseData } from '../exercises/data';
import { exampleAnswerPath, listExercises } from '../exercises/loader';
import { answerKey } from '../key/answer-key';
import type { AnswerKey, Exercise } from '../types';

/** Paths from the repository root (Jest runs there). */
export const EXERCISES_ROOT = join(process.cwd(), 'fixtures/exercises');

export interface Mutation {
  code: string;
  set: { r: number; column: string; value: string }[];
  addRows?: string[][];
  removeRows?: number[];
  reorder?: number[];
  header?: Record<string, string>;
  lost: number;
  /** Diagnosis expected on a row verdict instead of cells (extra rows). */
  rowCode?: string;
  /** Diagnosis expected on the sort verdict. */
  sortCode?: string;
}

export interface AnswerTable {
  header: string[];
  rows: string[][];
}

export const bank = (): Exercise[] => listExercises(EXERCISES_ROOT);

export function exampleAnswer(ex: Exercise): AnswerTable {
  const text = readFileSync(exampleAnswerPath(ex), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  return { header, rows };
}

export function mutationsOf(ex: Exercise): Mutation[] {
  return JSON.parse(readFileSync(join(ex.dir!, 'mutations.json'), 'utf8')) as Mutation[];
}

/** The example answer with one mutation applied. */
export function applyMutation(answer: AnswerTable, m: Mutation): AnswerTable {
  const rows = answer.rows.map((r) => [...r]);
  for (const s of m.set) rows[s.r][answer.header.indexOf(s.column)] = s.value;
  let out = rows;
  if (m.reorder) out = m.reorder.map((i) => rows[i]);
  if (m.removeRows) out = out.filter((_, i) => !m.removeRows!.includes(i));
  if (m.addRows) out = [...out, ...m.addRows];
  const header = answer.header.map((h) => m.header?.[h] ?? h);
  return { header, rows: out };
}

export const toCsv = (t: AnswerTable): Buffer => Buffer.from('\uFEFF' + Papa.unparse([t.header, ...t.rows], { newline: '\r\n' }), 'utf8');

const keys = new Map<string, Promise<AnswerKey>>();
/** The engine-computed key of an exercise, once per test file. */
export function keyOf(ex: Exercise): Promise<AnswerKey> {
  let k = keys.get(ex.id);
  if (!k) {
    k = loadExerciseData(ex).then((data) => answerKey(ex, data));
    keys.set(ex.id, k);
  }
  return k;
}
