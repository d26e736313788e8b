import { cellValue, type ColumnTable } from '@creator-ops/columnar';
import { NULL_TOKENS } from '@creator-ops/schemas';

/**
 * Question metadata of a survey export, inferred from its columns (问卷星 按选项文本/按选项序号,
 * 腾讯问卷). Headers: "1、您的年龄段：", "3、(抖音)" (one column per option or matrix row),
 * "第2题：…", "Q4:…". Types:
 * - multi: "N、(选项)" columns holding only 0/1, or one column with "┋"-joined answers (or 多选 in the title)
 * - matrix: "N、(行)" columns holding other values (scores of a 矩阵量表题)
 * - nps: one column of whole numbers 0–10 whose title asks how likely a recommendation is
 * - open: one column whose answers are nearly all different (or the title asks for 建议/意见/原因)
 * - single: any other one-column question
 */
export type QuestionType = 'single' | 'multi' | 'matrix' | 'nps' | 'open';

export interface SurveyQuestion {
  no: number;
  title: string;
  type: QuestionType;
  /** Stored column names, in file order; `part` is the option or matrix row a column stands for. */
  columns: { name: string; part: string | null }[];
  /** Answer sheets that answered the question (not skipped). */
  answered: number;
}

/** 问卷星 writes skipped and blank answers as (跳过) and (空). */
const NO_ANSWER = new Set([...NULL_TOKENS, '(跳过)', '(空)', '（跳过）', '（空）']);
export const MULTI_SEPARATOR = '┋';

export function isNoAnswer(v: string | number | null): boolean {
  return v === null || NO_ANSWER.has(String(v).trim());
}

/** `其他〖小红书〗` -> `其他`: the fill-in text of an 其他 option is not an option of its own. */
export function optionLabel(text: string): string {
  return text.replace(/[〖【[(（][^〗】\])）]*[〗】\])）]\s*$/, '').trim() || text.trim();
}

const HEADER_FORMS = [/^(\d{1,3})[、.．]\s*(.*)$/, /^第(\d{1,3})题[:：]?\s*(.*)$/, /^Q(\d{1,3})[:：.、]?\s*(.*)$/i];

/** `3、(抖音)` -> { no: 3, title: '', part: '抖音' }; `1、您的年龄段：` -> { no: 1, title: '您的年龄段', part: null }. */
export function parseQuestionHeader(header: string): { no: number; title: string; part: string | null } | null {
  for (const form of HEADER_FORMS) {
    const m = form.exec(header.trim());
    if (!m) continue;
    const rest = m[2].trim();
    const part = /^[(（]([^()（）]+)[)）]$/.exec(rest);
    if (part) return { no: Number(m[1]), title: '', part: part[1].trim() };
    return { no: Number(m[1]), title: rest.replace(/[:：]$/, '').trim(), part: null };
  }
  return null;
}

const cells = (table: ColumnTable, name: string): (string | null)[] => {
  const col = table.columns.get(name)!;
  return Array.from({ length: table.length }, (_, i) => {
    const v = cellValue(col, i);
    return isNoAnswer(v as string | number | null) ? null : String(v).trim();
  });
};

/** The questions of a survey table, by number. */
export function inferQuestions(table: ColumnTable): SurveyQuestion[] {
  const groups = new Map<number, { title: string; columns: { name: string; part: string | null }[] }>();
  for (const spec of table.specs) {
    if (spec.role !== 'raw') continue;
    const parsed = parseQuestionHeader(spec.source ?? spec.name);
    if (!parsed) continue;
    const g = groups.get(parsed.no) ?? { title: '', columns: [] };
    if (parsed.title && !g.title) g.title = parsed.title;
    g.columns.push({ name: spec.name, part: parsed.part });
    groups.set(parsed.no, g);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([no, g]) => classify(table, no, g.title, g.columns));
}

function classify(table: ColumnTable, no: number, title: string, columns: SurveyQuestion['columns']): SurveyQuestion {
  const values = columns.map((c) => cells(table, c.name));
  const answered = Array.from({ length: table.length }, (_, i) => values.some((v) => v[i] !== null)).filter(Boolean).length;
  const q = (type: QuestionType): SurveyQuestion => ({ no, title, type, columns, answered });
  if (columns.some((c) => c.part !== null)) {
    const binary = values.every((v) => v.every((x) => x === null || x === '0' || x === '1'));
    return q(binary ? 'multi' : 'matrix');
  }
  const answers = values[0].filter((x): x is string => x !== null);
  if (answers.some((a) => a.includes(MULTI_SEPARATOR)) || /多选|可多选/.test(title)) return q('multi');
  if (/推荐|NPS/i.test(title) && answers.length > 0 && answers.every((a) => /^(10|\d)$/.test(a))) return q('nps');
  const distinct = new Set(answers).size;
  if (/建议|意见|原因|为什么|请描述|请填写/.test(title) || answers.some((a) => [...a].length > 30) || (answers.length >= 3 && distinct / answers.length > 0.8))
    return q('open');
  return q('single');
}
