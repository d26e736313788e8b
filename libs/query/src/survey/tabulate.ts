import { cellValue, type ColumnTable } from '@creator-ops/columnar';
import { selectRows } from '../filters';
import { parseDay } from '../period';
import { QueryError, type QueryFilter, type TableSet } from '../types';
import { inferQuestions, isNoAnswer, MULTI_SEPARATOR, optionLabel, type SurveyQuestion } from './questions';

/**
 * Survey tabulation: the engine's counterpart for answer sheets, whose questions are columns of
 * their own. Shares are ratios of counts to the answer sheets that answered the question; a
 * multi-select share is selections of the option ÷ those sheets, so the shares may add up to more
 * than 100 %. Division by zero gives null.
 */
export interface SurveyScope {
  from?: string;
  to?: string;
  filters?: QueryFilter[];
}

export interface OptionRow {
  option: string;
  count: number;
  share: number | null;
}

export interface SurveySheets {
  table: ColumnTable;
  /** Row indices in scope. */
  rows: number[];
  questions: SurveyQuestion[];
}

/** The survey answer sheets in scope (period by submission time, filters), with their questions. */
export function surveySheets(tables: TableSet, scope: SurveyScope = {}): SurveySheets {
  const table = tables.get('survey');
  if (!table) throw new QueryError('METRIC_DATA_MISSING', { metric: 'survey', kinds: '问卷答卷', kindsEn: 'Survey responses' });
  const window = scope.from || scope.to ? { from: scope.from ? parseDay(scope.from) : -Infinity, to: scope.to ? parseDay(scope.to) : Infinity } : null;
  const mask = selectRows('survey', table, scope.filters ?? [], window);
  const rows = [...mask.keys()].filter((i) => mask[i] === 1);
  const questions = inferQuestions(table).map((q) => ({ ...q, answered: rows.filter((i) => answersOf(table, q, i) !== null).length }));
  return { table, rows, questions };
}

export function questionOf(sheets: SurveySheets, no: number): SurveyQuestion {
  const q = sheets.questions.find((x) => x.no === no);
  if (!q) throw new QueryError('UNKNOWN_DIMENSION', { dimension: `Q${no}` });
  return q;
}

const text = (table: ColumnTable, name: string, i: number): string | null => {
  const v = cellValue(table.columns.get(name)!, i) as string | number | null;
  return isNoAnswer(v) ? null : String(v).trim();
};

/** The options one sheet chose for a single or multi question (null when it did not answer). */
export function answersOf(table: ColumnTable, q: SurveyQuestion, i: number): string[] | null {
  if (q.type === 'matrix') {
    const any = q.columns.some((c) => text(table, c.name, i) !== null);
    return any ? [] : null;
  }
  if (q.columns.some((c) => c.part !== null)) {
    const cells = q.columns.map((c) => ({ part: c.part!, v: text(table, c.name, i) }));
    if (cells.every((c) => c.v === null)) return null;
    return cells.filter((c) => c.v === '1').map((c) => c.part);
  }
  const v = text(table, q.columns[0].name, i);
  if (v === null) return null;
  return q.type === 'multi' ? v.split(MULTI_SEPARATOR).map(optionLabel).filter(Boolean) : [v];
}

/** Option | count | share for a single, multi or nps question, in first-seen (file or column) order. */
export function optionCounts(sheets: SurveySheets, no: number, rows: number[] = sheets.rows): { rows: OptionRow[]; answered: number; selections: number } {
  const q = questionOf(sheets, no);
  const counts = new Map<string, number>(q.columns.filter((c) => c.part !== null).map((c) => [c.part!, 0]));
  let answered = 0;
  let selections = 0;
  for (const i of rows) {
    const chosen = answersOf(sheets.table, q, i);
    if (chosen === null) continue;
    answered++;
    for (const option of new Set(chosen)) {
      counts.set(option, (counts.get(option) ?? 0) + 1);
      selections++;
    }
  }
  return { rows: [...counts].map(([option, count]) => ({ option, count, share: answered ? count / answered : null })), answered, selections };
}

/** Matrix (量表) rows: answers and the average score of each row item; non-numeric answers are left out. */
export function matrixScores(sheets: SurveySheets, no: number): { item: string; answered: number; average: number | null }[] {
  const q = questionOf(sheets, no);
  return q.columns.map((c) => {
    let n = 0;
    let sum = 0;
    for (const i of sheets.rows) {
      const v = text(sheets.table, c.name, i);
      const x = v === null ? NaN : Number(v);
      if (!Number.isFinite(x)) continue;
      n++;
      sum += x;
    }
    return { item: c.part ?? q.title, answered: n, average: n ? sum / n : null };
  });
}

/** NPS = (promoters 9–10 − detractors 0–6) ÷ answers × 100. */
export function npsOf(sheets: SurveySheets, no: number): { answered: number; promoters: number; passives: number; detractors: number; nps: number | null } {
  const q = questionOf(sheets, no);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const i of sheets.rows) {
    const v = text(sheets.table, q.columns[0].name, i);
    const x = v === null ? NaN : Number(v);
    if (!Number.isInteger(x) || x < 0 || x > 10) continue;
    if (x >= 9) promoters++;
    else if (x >= 7) passives++;
    else detractors++;
  }
  const answered = promoters + passives + detractors;
  return { answered, promoters, passives, detractors, nps: answered ? ((promoters - detractors) / answered) * 100 : null };
}

/** Cross-tab of two questions: per option of `rowNo`, the counts of each option of `colNo` among the sheets that answered both. */
export function crossTab(sheets: SurveySheets, rowNo: number, colNo: number): { rowOption: string; answered: number; cells: OptionRow[] }[] {
  const rq = questionOf(sheets, rowNo);
  const colOptions = optionCounts(sheets, colNo).rows.map((r) => r.option);
  const byRow = new Map<string, number[]>();
  for (const i of sheets.rows) {
    const chosen = answersOf(sheets.table, rq, i);
    if (chosen === null || answersOf(sheets.table, questionOf(sheets, colNo), i) === null) continue;
    for (const option of new Set(chosen)) byRow.set(option, [...(byRow.get(option) ?? []), i]);
  }
  const rowOrder = optionCounts(sheets, rowNo)
    .rows.map((r) => r.option)
    .filter((o) => byRow.has(o));
  return rowOrder.map((rowOption) => {
    const rows = byRow.get(rowOption)!;
    const counts = optionCounts(sheets, colNo, rows);
    const byOption = new Map(counts.rows.map((r) => [r.option, r]));
    return {
      rowOption,
      answered: counts.answered,
      cells: colOptions.map((o) => byOption.get(o) ?? { option: o, count: 0, share: counts.answered ? 0 : null }),
    };
  });
}
