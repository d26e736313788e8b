import type { ColumnTable } from './column';

/**
 * The natural key of every row as a string: `field=value` pairs joined, so imports that key on
 * different fields (a content export with ids, another without) never collide by accident.
 */
export function rowKeys(table: ColumnTable, keyFields: string[]): string[] {
  const cols = keyFields.map((f) => ({ f, c: table.columns.get(f) }));
  const keys = new Array<string>(table.length);
  if (cols.length === 1 && cols[0].c?.type === 'dict') {
    const { codes, dict } = cols[0].c;
    const prefix = `${cols[0].f}=`;
    for (let i = 0; i < table.length; i++) keys[i] = prefix + (codes[i] >= 0 ? dict[codes[i]] : '');
    return keys;
  }
  for (let i = 0; i < table.length; i++) {
    let k = '';
    for (const { f, c } of cols) {
      let v = '';
      if (c?.type === 'dict') v = c.codes[i] >= 0 ? c.dict[c.codes[i]] : '';
      else if (c && (c.valid === null || c.valid[i] === 1)) v = String(c.values[i]);
      k += `${f}=${v}\u0001`;
    }
    keys[i] = k;
  }
  return keys;
}
