import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoFiles, demoManifest, DEMO_ACCOUNTS } from './demo';

/** fixtures/demo is exactly what the generator writes (regenerate with `cli generate --demo fixtures/demo`). */
const DIR = join(process.cwd(), 'fixtures', 'demo');
const text = (b: Buffer) => b.toString('utf8').replace(/^\uFEFF/, '');

describe('demo workspace generator', () => {
  let files: Awaited<ReturnType<typeof demoFiles>>;
  beforeAll(async () => {
    files = await demoFiles();
  });

  it('is deterministic and is what fixtures/demo holds', async () => {
    const again = await demoFiles();
    expect(again.map((f) => f.bytes.equals(files.find((g) => g.file === f.file)!.bytes))).toEqual(again.map(() => true));
    for (const f of files) expect(readFileSync(join(DIR, f.file)).equals(f.bytes)).toBe(true);
    expect(readFileSync(join(DIR, 'manifest.json'), 'utf8')).toBe(demoManifest(files));
  });

  it('covers three accounts and more than two months ending on one last day', () => {
    const accounts = new Set(files.map((f) => f.account).filter(Boolean));
    expect(accounts.size).toBeGreaterThanOrEqual(3);
    expect([...accounts].sort()).toEqual([...DEMO_ACCOUNTS].sort());
    for (const f of files) {
      const days = [...text(f.bytes).matchAll(/(2026)[-/](\d\d)[-/](\d\d)/g)].map((m) => `${m[1]}-${m[2]}-${m[3]}`).sort();
      expect(days[0] <= '2026-08-05').toBe(true);
      expect(days[days.length - 1] >= '2026-10-28').toBe(true);
    }
  });

  it('gives every ad report plan ids and the order export a repeat-buyer key', () => {
    for (const f of files.filter((x) => x.file.startsWith('千川'))) expect(text(f.bytes).split('\r\n')[0]).toContain('计划ID');
    const orders = text(files.find((f) => f.file.startsWith('抖店'))!.bytes).split('\r\n');
    expect(orders[0].endsWith(',用户ID')).toBe(true);
    const buyers = orders
      .slice(1)
      .filter(Boolean)
      .map((l) => /"\t(\d+)"$/.exec(l)?.[1]);
    expect(buyers.every(Boolean)).toBe(true);
    expect(new Set(buyers).size).toBeLessThan(buyers.length / 2);
  });

  it('holds live sessions that start at several different hours', () => {
    const hours = new Set<string>();
    for (const f of files.filter((x) => x.file.startsWith('直播'))) {
      for (const m of text(f.bytes).matchAll(/\n[^,]+,[^,]+,2026\/\d\d\/\d\d (\d\d):/g)) hours.add(m[1]);
    }
    expect(hours.size).toBeGreaterThanOrEqual(5);
  });
});
