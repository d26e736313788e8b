export type AbcClass = 'A' | 'B' | 'C';

/** Class limits on the cumulative share, in percent: A up to 80%, B up to 95%, C the rest. */
export const ABC_LIMITS = { A: 80, B: 95 } as const;

export interface AbcRow {
  /** Share of the total up to and including this item (a fraction); null when the total is not positive. */
  cumulativeShare: number | null;
  cls: AbcClass;
}

/**
 * ABC (Pareto) classes of items sorted largest first, from integer amounts (cents) so a boundary such
 * as exactly 80% is decided exactly: an item is A when the cumulative share including it is at most
 * 80%, B when at most 95%, else C.
 */
export function abcClasses(amounts: (number | null)[]): AbcRow[] {
  const values = amounts.map((v) => (v !== null && v > 0 ? v : 0));
  const total = values.reduce((s, v) => s + v, 0);
  let running = 0;
  return values.map((v) => {
    running += v;
    if (total <= 0) return { cumulativeShare: null, cls: 'C' as const };
    const cls: AbcClass = running * 100 <= ABC_LIMITS.A * total ? 'A' : running * 100 <= ABC_LIMITS.B * total ? 'B' : 'C';
    return { cumulativeShare: running / total, cls };
  });
}
