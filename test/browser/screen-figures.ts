import type { Page } from './browser-harness';

/**
 * Reading figures off the screen the way a person does, to check that what sits side by side agrees
 * (issue 14): parse what is displayed, then recompute ratios from the displayed inputs in the test.
 */

/** '¥175,055.54' -> 175055.54, '3.24%' -> 3.24, '1.71' -> 1.71, '-' -> null. */
export function parseShown(text: string): number | null {
  const t = text.trim();
  if (t === '-' || t === '') return null;
  const m = /-?[\d,]+(?:\.\d+)?/.exec(t);
  if (!m) return null;
  const n = Number(m[0].replace(/,/g, ''));
  if (t.includes('亿')) return n * 1e8;
  if (t.includes('万')) return n * 1e4;
  return n;
}

/** Decimals shown in a display string ('¥1,234.50' -> 2, '3.2%' -> 1, '575' -> 0). */
export function decimalsShown(text: string): number {
  const m = /\.(\d+)/.exec(text.replace(/[万亿]/g, ''));
  return m ? m[1].length : 0;
}

export interface ShownKpi {
  metric: string;
  card: string;
  exact: string;
  delta: string;
  basis: string | null;
}

/** Every KPI card on the page: what the card prints, its exact hover figure, its 环比 text and basis. */
export async function shownKpis(page: Page): Promise<Record<string, ShownKpi>> {
  const cards = await page.$$(
    '[data-test^="kpi-"]:not([data-test="kpi-value"]):not([data-test="kpi-delta"]):not([data-test="kpi-previous"]):not([data-test="kpi-basis"])',
  );
  const out: Record<string, ShownKpi> = {};
  for (const card of cards) {
    const metric = ((await card.getAttribute('data-test')) ?? '').slice('kpi-'.length);
    const value = await card.$('[data-test="kpi-value"]');
    if (!value) continue;
    const delta = await card.$('[data-test="kpi-delta"]');
    const basis = await card.$('[data-test="kpi-basis"]');
    out[metric] = {
      metric,
      card: ((await value.textContent()) ?? '').trim(),
      exact: ((await value.getAttribute('data-exact')) ?? '').trim(),
      delta: delta ? ((await delta.textContent()) ?? '').replace(/[▲▼]/g, '').trim() : '-',
      basis: basis ? ((await basis.textContent()) ?? '').trim() : null,
    };
  }
  return out;
}

/** |a − b| within half a unit of the last decimal shown (the display rounds half away from zero). */
export function withinRounding(shown: string, computed: number): boolean {
  const v = parseShown(shown);
  if (v === null) return false;
  return Math.abs(v - computed) <= 0.5 * 10 ** -decimalsShown(shown) + 1e-9;
}

/** The money amounts in a basis line ('… 成交金额(广告) ¥175,055.54 · 消耗 ¥102,401.98 …'), in order. */
export function moneyIn(text: string): number[] {
  return [...text.matchAll(/¥([\d,]+\.\d\d)/g)].map((m) => Number(m[1].replace(/,/g, '')));
}

/** KPI cards print 万/亿 from 10,000 up (two decimals: within 0.005万 = 50 of the exact hover figure), the exact figure below. */
export function expectCompactCards(kpis: Record<string, ShownKpi>): void {
  for (const k of Object.values(kpis)) {
    const exact = parseShown(k.exact);
    if (exact !== null && Math.abs(exact) >= 10_000) {
      expect([k.metric, /万|亿/.test(k.card)]).toEqual([k.metric, true]);
      expect(Math.abs(parseShown(k.card)! - exact)).toBeLessThanOrEqual(exact >= 1e8 ? 5e5 : 50);
    } else {
      expect([k.metric, k.card]).toEqual([k.metric, k.exact]);
    }
  }
}

/** A ratio card with a basis line equals the two amounts the line names (numerator first). */
export function expectRatioOfBasis(kpi: ShownKpi, scale = 1): void {
  expect(kpi.basis).toContain('口径');
  const nums = [...kpi.basis!.matchAll(/¥?([\d,]+(?:\.\d+)?)/g)].map((m) => Number(m[1].replace(/,/g, '')));
  const [num, den] = nums.slice(-2);
  expect([kpi.metric, withinRounding(kpi.exact, (num / den) * scale)]).toEqual([kpi.metric, true]);
}
