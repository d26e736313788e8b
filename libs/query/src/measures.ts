import type { ExportKind } from '@creator-ops/schemas';

/** One aggregate over one kind's rows; metrics are evaluated from these. */
export interface Measure {
  id: string;
  kind: ExportKind;
  op: 'sum' | 'count' | 'distinct' | 'wsum' | 'wbase';
  field?: string;
  weight?: string;
  rowFilter?: string;
  /** Stored in cents: shown in yuan. */
  money: boolean;
  /**
   * Fields whose exports every counted row must come from: the inputs of the ratio this measure
   * feeds, so ROI over a 千川 export (with GMV) and a 巨量广告 export (without) divides 千川's GMV
   * by 千川's cost only.
   */
  requires?: string[];
  /** Empty cells count as 0 (the metric says so), so a group with rows is never null. */
  nullAsZero?: boolean;
}

export function measureId(m: Omit<Measure, 'id' | 'money'>): string {
  return [m.kind, m.op, m.field ?? '', m.weight ?? '', m.rowFilter ?? '', (m.requires ?? []).join('+'), m.nullAsZero ? 'z' : ''].join('|');
}
