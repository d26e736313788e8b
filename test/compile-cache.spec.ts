import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built hook (npm test builds first), loaded as the CLI's main.js loads it: first. */
const HOOK = join(process.cwd(), 'dist', 'apps', 'cli', 'apps', 'cli', 'src', 'compile-cache.js');

describe('the CLI code cache (apps/cli/src/compile-cache.ts)', () => {
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'co-cc-'));
    cacheDir = join(dir, 'cache');
    writeFileSync(join(dir, 'other.js'), 'module.exports = 7;\n');
    writeFileSync(
      join(dir, 'main.js'),
      `require(${JSON.stringify(HOOK)});\n` +
        `const m = require('./mod.js');\n` +
        `Promise.resolve(m.later()).then((later) => console.log(JSON.stringify({ value: m.value, file: m.file, dir: m.dir, resolved: m.resolved, isMain: m.isMain, paths: m.paths, other: m.other, later })));\n`,
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writeModule = (value: string, later = 'null') =>
    writeFileSync(
      join(dir, 'mod.js'),
      `exports.value = ${JSON.stringify(value)};\n` +
        `exports.file = __filename;\nexports.dir = __dirname;\n` +
        `exports.resolved = require.resolve('./other.js');\nexports.isMain = require.main === module;\n` +
        `exports.paths = Array.isArray(require.resolve.paths('x'));\nexports.other = require('./other.js');\n` +
        `exports.later = () => ${later};\n`,
    );

  function run(env: Record<string, string> = {}) {
    const r = spawnSync(process.execPath, [join(dir, 'main.js')], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', CREATOR_OPS_COMPILE_CACHE: cacheDir, ...env },
    });
    if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
    return JSON.parse(r.stdout.trim());
  }
  const cacheFile = () => {
    const files = existsSync(cacheDir) ? readdirSync(cacheDir) : [];
    expect(files).toHaveLength(1);
    return join(cacheDir, files[0]);
  };

  it('gives a cached module what Node gives it, and keeps the cache when nothing changed', () => {
    writeModule('aaaa');
    const expected = { value: 'aaaa', file: join(dir, 'mod.js'), dir, resolved: join(dir, 'other.js'), isMain: false, paths: true, other: 7, later: null };
    expect(run()).toEqual(expected);
    const file = cacheFile();
    expect(readFileSync(file).toString('latin1')).toContain(join(dir, 'mod.js'));
    const written = statSync(file).mtimeMs;
    expect(run()).toEqual(expected);
    // Every module was served from the cache (a rejected or stale entry would have been written again).
    expect(statSync(file).mtimeMs).toBe(written);
    expect(run({ CREATOR_OPS_COMPILE_CACHE: 'off' })).toEqual(expected);
  });

  it('never serves a module changed since it was cached, even at the same length', () => {
    writeModule('aaaa');
    expect(run().value).toBe('aaaa');
    writeModule('bbbb');
    expect(run().value).toBe('bbbb');
    expect(run().value).toBe('bbbb');
  });

  it('leaves a module with import() to Node, so its dynamic import still works', () => {
    writeModule('aaaa', "import('node:path').then((p) => p.basename('/x/y.csv'))");
    expect(run().later).toBe('y.csv');
    expect(run().later).toBe('y.csv');
  });

  it('starts from nothing when the cache file is damaged', () => {
    writeModule('aaaa');
    run();
    const file = cacheFile();
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(run().value).toBe('aaaa');
    writeFileSync(file, 'not a cache');
    expect(run().value).toBe('aaaa');
    expect(run().value).toBe('aaaa');
  });

  it('keeps a thrown error pointing at the module and line', () => {
    writeFileSync(join(dir, 'mod.js'), 'exports.value = 1;\n\nthrow new Error("boom");\n');
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(process.execPath, [join(dir, 'main.js')], {
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '', CREATOR_OPS_COMPILE_CACHE: cacheDir },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${join(dir, 'mod.js')}:3`);
    }
  });
});
