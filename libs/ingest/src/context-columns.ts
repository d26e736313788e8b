import type { ColumnTable } from '@creator-ops/columnar';
import { KINDS } from '@creator-ops/schemas';
import type { ImportPlan } from './plan';

/**
 * Columns an import fills from outside its own cells: the day named by the upload or the file name,
 * the account read from 主播昵称, a field read from a neighbouring column (罗盘 ad spend).
 */
export function addContextColumns(table: ColumnTable, plan: ImportPlan): void {
  const { dateConstant, accountFromField, readsFrom } = plan;
  if (dateConstant) {
    const field = plan.kind.dateField;
    table.specs.push({ name: field, role: 'field', valueType: 'date' });
    table.columns.set(field, { type: 'num', values: new Float64Array(table.length).fill(dateConstant.day), valid: null });
  }
  if (accountFromField) {
    const source = table.columns.get(accountFromField);
    if (source?.type === 'dict') {
      table.specs.push({ name: 'account', role: 'field', valueType: 'string' });
      table.columns.set('account', { type: 'dict', codes: source.codes.slice(), dict: [...source.dict] });
    }
  }
  for (const { field, from } of readsFrom) {
    const source = table.columns.get(from);
    if (!source) continue;
    const type = KINDS[plan.kind.kind].fields.find((f) => f.key === field)!.type;
    table.specs.push({ name: field, role: 'field', valueType: type });
    table.columns.set(
      field,
      source.type === 'num'
        ? { type: 'num', values: source.values.slice(), valid: source.valid?.slice() ?? null }
        : { type: 'dict', codes: source.codes.slice(), dict: [...source.dict] },
    );
  }
}
