import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * A V8 code cache for the CLI's CommonJS modules. A short command (a 1k-row ingest) spends about a
 * third of its time compiling the ~700 modules it loads and the functions it first calls; with the
 * cache V8 reads that work back instead. Node 20 has no built-in for this (module.enableCompileCache
 * is Node >= 22.1, used when present); v8-compile-cache, the package that did it, compiles without
 * a dynamic-import callback, so a cached module's import() fails.
 *
 * Safety: a module is compiled from its own text whatever the cache holds; an entry is used only
 * when the file's text hashes the same as when it was cached, and V8 itself refuses data from another
 * V8 version or other flags (the module is then compiled as usual). Modules whose text has import(),
 * a hashbang or ESM syntax are left to Node. The cache lives beside the code (node_modules/.cache),
 * writable by whoever may change the code, one file per command. CREATOR_OPS_COMPILE_CACHE=off
 * disables it, or names another directory.
 */

type CompileFn = (this: NodeModule, content: string, filename: string, format?: string) => unknown;

interface StoredEntry {
  hash: string;
  data: Buffer;
}

interface FreshEntry {
  hash: string;
  script: Script;
}

const FORMAT = 1;

function cacheFile(): string | null {
  const setting = process.env.CREATOR_OPS_COMPILE_CACHE;
  if (setting === 'off' || setting === '0') return null;
  let dir = setting;
  if (!dir) {
    let up = __dirname;
    while (!existsSync(join(up, 'node_modules'))) {
      const parent = dirname(up);
      if (parent === up) return null;
      up = parent;
    }
    dir = join(up, 'node_modules', '.cache', 'creator-ops');
  }
  // One blob per command: an ingest does not read the entries of the web framework that serve loads.
  const command = process.argv[2] ?? '';
  const scope = /^[a-z]{1,16}$/.test(command) ? command : 'cli';
  return join(dir, `${scope}-${process.versions.v8}-${process.arch}.bin`);
}

/** The blob: a uint32 index length, the JSON index [filename, hash, length][], then the data in index order. */
function readStore(file: string): Map<string, StoredEntry> {
  const store = new Map<string, StoredEntry>();
  let blob: Buffer;
  try {
    blob = readFileSync(file);
  } catch {
    return store;
  }
  try {
    const indexLength = blob.readUInt32LE(0);
    const index = JSON.parse(blob.toString('utf8', 4, 4 + indexLength)) as { format: number; entries: [string, string, number][] };
    if (index.format !== FORMAT) return store;
    let offset = 4 + indexLength;
    for (const [filename, hash, length] of index.entries) {
      if (offset + length > blob.length) return new Map();
      store.set(filename, { hash, data: blob.subarray(offset, offset + length) });
      offset += length;
    }
  } catch {
    return new Map();
  }
  return store;
}

function writeStore(file: string, store: Map<string, StoredEntry>): void {
  const entries = [...store].map(([filename, { hash, data }]) => [filename, hash, data.length] as const);
  const index = Buffer.from(JSON.stringify({ format: FORMAT, entries }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(index.length);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, Buffer.concat([length, index, ...[...store.values()].map((e) => e.data)]));
  renameSync(partial, file);
}

function hashOf(content: string): string {
  return createHash('sha1').update(content).digest('base64');
}

/** The parts of Node's CommonJS loader a module's `require` is made of, and Node >= 22.1's built-in cache. */
interface NodeLoader {
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: NodeModule): string[] | null;
  _extensions: NodeJS.RequireExtensions;
  _cache: NodeJS.Dict<NodeModule>;
  enableCompileCache?: (dir: string) => unknown;
}
const loader = Module as unknown as NodeLoader;

/** The `require` Node gives a module (lib/internal/modules/helpers.js makeRequireFunction, without policy redirects). */
function requireFor(mod: NodeModule): NodeJS.Require {
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) => loader._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => loader._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = loader._extensions;
  require.cache = loader._cache;
  return require;
}

function leftToNode(content: string): boolean {
  return content.startsWith('#!') || content.includes('import(');
}

function install(file: string): void {
  const stored = readStore(file);
  const fresh = new Map<string, FreshEntry>();
  const prototype = Module.prototype as unknown as { _compile: CompileFn };
  const nodeCompile = prototype._compile;

  prototype._compile = function (content, filename, format) {
    if ((format !== undefined && format !== 'commonjs') || leftToNode(content)) return nodeCompile.call(this, content, filename, format);
    const hash = hashOf(content);
    const cached = stored.get(filename);
    let script: Script;
    try {
      script = new Script(Module.wrap(content), { filename, cachedData: cached?.hash === hash ? cached.data : undefined });
    } catch {
      // ESM syntax in a .js file, or a real syntax error: Node's own compile decides and reports it.
      return nodeCompile.call(this, content, filename, format);
    }
    if (cached?.hash !== hash || script.cachedDataRejected) fresh.set(filename, { hash, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };

  process.once('exit', () => {
    prototype._compile = nodeCompile;
    if (fresh.size === 0) return;
    try {
      for (const [filename, { hash, script }] of fresh) stored.set(filename, { hash, data: script.createCachedData() });
      writeStore(file, stored);
    } catch {
      // A read-only or full disk: the next start compiles as this one did.
    }
  });
}

function enable(): void {
  const file = cacheFile();
  if (!file) return;
  if (loader.enableCompileCache) loader.enableCompileCache(dirname(file));
  else install(file);
}

enable();
