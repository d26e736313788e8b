import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORTS } from './registry';

/** README's report catalogue lists every report of the registry with exactly the skill items it serves. */
describe('README report catalogue', () => {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  const rows = new Map(
    readme
      .split('\n')
      .map((line) => /^\| `([a-z_]+)` \| [^|]+ \| ([^|]+) \|/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2].trim()]),
  );

  it.each(REPORTS.map((r) => [r.key, r.standard] as const))('%s', (key, standard) => {
    expect(rows.has(key)).toBe(true);
    const listed = rows
      .get(key)!
      .split(',')
      .map((s) => s.trim())
      .filter((s) => /^(初级|中级|高级) /.test(s));
    expect(listed).toEqual(standard);
  });

  it('lists no report the registry lacks', () => {
    expect([...rows.keys()].filter((k) => !REPORTS.some((r) => r.key === k))).toEqual([]);
  });
});
