import { CodedError } from '@creator-ops/errors';
import { formatDay, parseIsoDay } from '@creator-ops/format';
import { COMPARE_MODES, dataRange, type TableSet } from '@creator-ops/query';
import type { ExportKind } from '@creator-ops/schemas';
import type { PeriodPreset, ReportInput, ResolvedParams } from './types';

const MS_PER_DAY = 86_400_000;

const MESSAGES = { zh: '报表参数 {param} 无效：{value}', en: 'Invalid report parameter {param}: {value}' };

export class ReportParamError extends CodedError {
  constructor(
    readonly param: string,
    readonly value: unknown,
  ) {
    super('INVALID_REPORT_PARAM', { param, value: String(value) }, MESSAGES);
    this.name = 'ReportParamError';
  }
}

/**
 * Resolves the period: explicit from/to win; otherwise a preset counted back from the WORKSPACE'S
 * LAST DATA DAY (so historical exports and the demo never open on an empty dashboard). One period
 * model for every page: the window is taken over all the workspace's kinds, not the report's, so
 * "近30天" is the same dates on the dashboard, every report and the monitor. Default: last 30 days.
 * `kinds` narrows the range only when the workspace has none of them (nothing to show anyway).
 */
export function resolveParams(input: ReportInput, tables: TableSet, kinds: ExportKind[]): ResolvedParams {
  const present = [...tables.keys()];
  const range = dataRange(tables, present.length ? present : kinds);
  const day = (name: string, v: string | undefined): number | null => {
    if (v === undefined || v === '') return null;
    const d = parseIsoDay(v);
    if (d === null) throw new ReportParamError(name, v);
    return d;
  };
  let from = day('from', input.from);
  let to = day('to', input.to);
  let preset: PeriodPreset = input.preset ?? (from !== null || to !== null ? 'custom' : 'last30');
  if (preset !== 'custom' && preset !== 'all' && range) {
    const end = range.to;
    const d = new Date(end * MS_PER_DAY);
    switch (preset) {
      case 'last7':
        [from, to] = [end - 6, end];
        break;
      case 'last30':
        [from, to] = [end - 29, end];
        break;
      case 'this_month':
        [from, to] = [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / MS_PER_DAY, end];
        break;
      case 'last_month':
        [from, to] = [Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1) / MS_PER_DAY, Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0) / MS_PER_DAY];
        break;
      default:
        throw new ReportParamError('preset', preset);
    }
  } else if (preset === 'all' && range) {
    [from, to] = [range.from, range.to];
  } else if (preset === 'custom' && range) {
    from ??= range.from;
    to ??= range.to;
  }
  if (from !== null && to !== null && from > to) throw new ReportParamError('from', input.from);
  const granularity = input.granularity ?? 'day';
  if (!['day', 'week', 'month'].includes(granularity)) throw new ReportParamError('granularity', granularity);
  const top = input.top ?? 10;
  if (!Number.isInteger(top) || top < 1 || top > 1000) throw new ReportParamError('top', input.top);
  const gm = input.gross_margin ?? null;
  if (gm !== null && !(gm > 0 && gm <= 1)) throw new ReportParamError('gross_margin', gm);
  const compare = input.compare === 'none' ? null : (input.compare ?? 'previous_period');
  if (compare !== null && !(COMPARE_MODES as readonly string[]).includes(compare)) throw new ReportParamError('compare', input.compare);
  const reference = input.reference_date ? day('reference_date', input.reference_date) : to;
  if (input.preset === undefined && preset === 'last30' && !range) preset = 'last30';
  return {
    preset,
    from: from === null ? null : formatDay(from),
    to: to === null ? null : formatDay(to),
    granularity,
    account: input.account?.trim() || null,
    compare,
    top,
    gross_margin: gm,
    reference_date: reference === null ? null : formatDay(reference),
    locale: input.locale ?? 'zh-CN',
  };
}
