/**
 * The formula shown beside a derived metric, generated from its expression and the names of its inputs,
 * so what people read is what is computed: `ad_gmv / cost` -> 成交金额 ÷ 消耗 / ad GMV ÷ cost.
 */
import type { Label } from '@creator-ops/schemas';
import type { Expr } from './expression';

export type FormulaLocale = keyof Label;

/** How an input appears in a formula: a name, or (for a metric marked `inlineInFormulas`) its own expression. */
export type FormulaTerm = { name: Label } | { expr: Expr };

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;
const SYMBOL = { '+': '+', '-': '−', '*': '×', '/': '÷' } as const;

/** A label as a term in running English text: `Ad GMV` -> `ad GMV`, `GMV` and `SKUs` stay. */
export function defaultTerm(label: Label): Label {
  const en = label.en;
  const lower = en.length > 1 && en[1] === en[1].toLowerCase() ? en[0].toLowerCase() + en.slice(1) : en;
  return { zh: label.zh, en: lower };
}

/** Renders `e` in one language; parentheses only where precedence needs them (and on the right as written). */
export function renderFormula(e: Expr, term: (key: string) => FormulaTerm, locale: FormulaLocale): string {
  const text = render(inline(e, term), term, locale);
  // Chinese text uses full-width parentheses with no space beside them: （成交金额 − 消耗）÷ 消耗.
  return locale === 'zh' ? text.replace(/ ?（ ?/g, '（').replace(/ ?） ?/g, '）') : text;
}

/** Replaces inputs shown by their expression with that expression (recursively). */
function inline(e: Expr, term: (key: string) => FormulaTerm): Expr {
  switch (e.t) {
    case 'num':
      return e;
    case 'ref': {
      const t = term(e.key);
      return 'name' in t ? e : inline(t.expr, term);
    }
    case 'neg':
      return { t: 'neg', e: inline(e.e, term) };
    case 'bin':
      return { ...e, l: inline(e.l, term), r: inline(e.r, term) };
  }
}

function render(e: Expr, term: (key: string) => FormulaTerm, locale: FormulaLocale): string {
  switch (e.t) {
    case 'num':
      return String(e.v);
    case 'ref': {
      const t = term(e.key);
      return 'name' in t ? t.name[locale] : e.key;
    }
    case 'neg':
      return `−${wrapIf(render(e.e, term, locale), precedenceOf(e.e) < 3, locale)}`;
    case 'bin': {
      const p = PRECEDENCE[e.op];
      const l = wrapIf(render(e.l, term, locale), precedenceOf(e.l) < p, locale);
      const r = wrapIf(render(e.r, term, locale), precedenceOf(e.r) <= p, locale);
      return `${l} ${SYMBOL[e.op]} ${r}`;
    }
  }
}

function precedenceOf(e: Expr): number {
  return e.t === 'bin' ? PRECEDENCE[e.op] : 3;
}

function wrapIf(text: string, wrap: boolean, locale: FormulaLocale): string {
  if (!wrap) return text;
  return locale === 'zh' ? `（${text}）` : `(${text})`;
}
