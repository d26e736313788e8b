import { crossTab, optionCounts, surveySheets } from '@creator-ops/query';
import type { RowSource } from '../types';
import type { BaseRows, SourceContext } from './row-sources';

type SurveySource = Extract<RowSource, { type: 'survey' }>;

/**
 * Survey questions (初级 2.2.2), through the survey tabulation: `options` gives one record per option
 * of `question` ({ option, count, share, answered, selections }); `cross` gives one per option of
 * `question` with the count of each option of `by` in `x0`, `x1`… (in the order of `byOptions`).
 * `denominator: 'selections'` (a typical mistake) divides by all selections instead of respondents,
 * `'sheets'` by every answer sheet in scope, answered or not.
 */
export function surveyRows(source: SurveySource, ctx: SourceContext): BaseRows {
  const sheets = surveySheets(ctx.tables, { from: source.from, to: source.to });
  if (source.mode === 'cross') {
    const records = crossTab(sheets, source.question, source.by!).map((r) => {
      const byOption = new Map(r.cells.map((c) => [c.option, c.count]));
      return { option: r.rowOption, answered: r.answered, ...Object.fromEntries((source.byOptions ?? []).map((o, i) => [`x${i}`, byOption.get(o) ?? 0])) };
    });
    return { records, leading: 0, totals: null };
  }
  const counts = optionCounts(sheets, source.question);
  const base = source.denominator === 'selections' ? counts.selections : source.denominator === 'sheets' ? sheets.rows.length : counts.answered;
  const records = counts.rows.map((r) => ({
    option: r.option,
    count: r.count,
    share: base ? r.count / base : null,
    answered: counts.answered,
    selections: counts.selections,
  }));
  return { records, leading: 0, totals: { option: null, count: counts.answered, share: null, answered: counts.answered, selections: counts.selections } };
}
