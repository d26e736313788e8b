import { metricRegistry } from '@creator-ops/metrics';
import { EXPORT_KINDS } from '@creator-ops/schemas';
import type { Exercise } from '../types';

const LEVELS = ['初级', '中级', '高级'];
const VALUE_TYPES = ['integer', 'number', 'money', 'percent', 'fraction', 'multiple', 'pp', 'label'];
const KEY_TYPES = ['text', 'id', 'date', 'week', 'month', 'weekday', 'hour', 'datetime'];

/** Every problem of an exercise definition, so an author fixes them in one pass. */
export function validateExercise(e: Exercise): string[] {
  const problems: string[] = [];
  const need = (cond: unknown, msg: string) => {
    if (!cond) problems.push(msg);
  };
  need(typeof e.id === 'string' && /^[a-z0-9][a-z0-9.-]*$/.test(e.id), `id must be lower-case letters, digits, dots and dashes: ${e.id}`);
  need(e.title?.zh, 'title.zh is required');
  need(e.task?.zh, 'task.zh is required');
  need(LEVELS.includes(e.level), `level must be one of ${LEVELS.join(', ')}`);
  need(/^\d+\.\d+(\.\d+)?$/.test(e.skill ?? ''), `skill must look like 2.1.6: ${e.skill}`);
  need(Array.isArray(e.datasets) && e.datasets.length > 0, 'at least one dataset');
  for (const d of e.datasets ?? []) {
    need(EXPORT_KINDS.includes(d.kind), `dataset ${d.file}: unknown kind ${d.kind}`);
    need(/^[^/\\]+$/.test(d.file ?? '') && !d.file.startsWith('.'), `dataset file must be a plain file name: ${d.file}`);
  }
  const q = e.question;
  need(q && Array.isArray(q.columns) && q.columns.length > 0, 'question.columns is required');
  const keys = new Set<string>();
  for (const c of q?.columns ?? []) {
    need(/^[a-z][a-z0-9_]*$/.test(c.key), `column key must be snake_case: ${c.key}`);
    need(!keys.has(c.key), `duplicate column ${c.key}`);
    keys.add(c.key);
    need(c.header?.zh, `column ${c.key}: header.zh is required`);
    need(c.role === 'key' || c.role === 'value', `column ${c.key}: role must be key or value`);
    const types = c.role === 'key' ? KEY_TYPES : VALUE_TYPES;
    need(types.includes(c.format?.type), `column ${c.key}: format ${c.format?.type} is not a ${c.role} format`);
    if (c.format && 'decimals' in c.format)
      need(Number.isInteger(c.format.decimals) && c.format.decimals >= 0 && c.format.decimals <= 6, `column ${c.key}: decimals 0..6`);
  }
  need(
    q?.columns?.some((c) => c.role === 'key'),
    'at least one key column',
  );
  const registry = metricRegistry();
  const queries = q?.rows && 'query' in q.rows ? [q.rows.query] : q?.rows?.type === 'metricRows' ? [q.rows.before, q.rows.after] : [];
  for (const spec of [...queries, ...(q?.scalars ?? []).map((s) => s.query)]) {
    for (const m of spec.metrics ?? []) need(registry.metrics.has(m), `unknown metric ${m}`);
    need(!spec.from || /^\d{4}-\d{2}-\d{2}$/.test(spec.from), `query.from must be a fixed date YYYY-MM-DD: ${spec.from}`);
    need(!spec.to || /^\d{4}-\d{2}-\d{2}$/.test(spec.to), `query.to must be a fixed date YYYY-MM-DD: ${spec.to}`);
  }
  if (q?.rows?.type === 'metricRows') for (const r of q.rows.rows) need(registry.metrics.has(r.metric), `unknown metric ${r.metric}`);
  for (const a of q?.alternatives ?? []) {
    need(typeof a.code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(a.code), `alternative code must be UPPER_SNAKE: ${a.code}`);
    for (const c of a.columns ?? []) need(keys.has(c), `alternative ${a.code}: unknown column ${c}`);
    for (const [from, to] of Object.entries(a.metrics ?? {}))
      need(registry.metrics.has(from) && registry.metrics.has(to), `alternative ${a.code}: unknown metric in ${from} -> ${to}`);
  }
  need(e.scoring && (e.scoring.per === 'cell' || e.scoring.per === 'row'), 'scoring.per must be cell or row');
  for (const o of q?.order ?? []) need(keys.has(o.key), `order: unknown column ${o.key}`);
  if (q?.sortRequired) need((e.scoring?.sortPoints ?? 0) > 0, 'a required sort needs scoring.sortPoints');
  return problems;
}
