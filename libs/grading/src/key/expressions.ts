import { evaluate, parseExpression, referencedKeys, type Expr } from '@creator-ops/metrics';
import type { CellValue, Condition, Operand } from '../types';

const cache = new Map<string, Expr>();

/** Parses once per distinct source (the grammar of the metric registry: + - * / and parentheses). */
export function compile(source: string): Expr {
  let e = cache.get(source);
  if (!e) {
    e = parseExpression(source);
    cache.set(source, e);
  }
  return e;
}

export function identifiers(source: string): string[] {
  return [...referencedKeys(compile(source))];
}

export type Lookup = (key: string) => CellValue | undefined;

/** Null when an operand is null or a division is by zero (the engine's rule). */
export function evalExpr(source: string, lookup: Lookup): number | null {
  return evaluate(compile(source), (key) => {
    const v = lookup(key);
    if (v === undefined) throw new Error(`Unknown identifier "${key}" in "${source}"`);
    return typeof v === 'number' ? v : null;
  });
}

export interface ConditionScope {
  value: (key: string) => CellValue | undefined;
  total: (key: string) => CellValue | undefined;
  mean: (key: string) => number | null;
}

function operand(o: Operand, scope: ConditionScope): CellValue {
  if (typeof o === 'number') return o;
  if (typeof o === 'string') {
    const v = scope.value(o);
    if (v === undefined) throw new Error(`Unknown operand "${o}"`);
    return v;
  }
  if ('total' in o) return scope.total(o.total) ?? null;
  return scope.mean(o.mean);
}

/** A comparison with a null side is false (a unit without conversions is tested with `null`). */
export function holds(c: Condition, scope: ConditionScope): boolean {
  if (c.all) return c.all.every((x) => holds(x, scope));
  if (c.any) return c.any.some((x) => holds(x, scope));
  const left = operand(c.left!, scope);
  if (c.op === 'null') return left === null;
  if (c.op === 'notnull') return left !== null;
  const right = operand(c.right!, scope);
  if (left === null || right === null) return false;
  if (c.op === '==') return left === right;
  if (c.op === '!=') return left !== right;
  if (typeof left !== 'number' || typeof right !== 'number') return false;
  switch (c.op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      throw new Error(`Unknown operator ${String(c.op)}`);
  }
}

/** Operand keys a condition reads (to request the metrics behind them). */
export function conditionKeys(c: Condition, out: string[] = []): string[] {
  for (const x of [...(c.all ?? []), ...(c.any ?? [])]) conditionKeys(x, out);
  for (const o of [c.left, c.right]) {
    if (typeof o === 'string') out.push(o);
    else if (o && typeof o === 'object') out.push('total' in o ? o.total : o.mean);
  }
  return out;
}
