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
}

export function measureId(m: Omit<Measure, 'id' | 'money'>): string {
  return [m.kind, m.op, m.field ?? '', m.weight ?? '', m.rowFilter ?? ''].join('|');
}
