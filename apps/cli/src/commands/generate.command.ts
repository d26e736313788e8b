import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { GENERATE_KINDS, generateExport, writeDemo, type GenerateKind } from '../generate';
import { parse, UsageError } from '../args';

export const GENERATE_USAGE = `generate --kind ${GENERATE_KINDS.join('|')} --rows N --seed S [--out FILE] | generate --demo DIR`;

/** Writes a realistic export (Chinese headers, real quirks), deterministic per seed. */
export async function generateCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    kind: { type: 'string' },
    rows: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    demo: { type: 'string' },
  });
  if (values.demo) {
    // The demo workspace (fixtures/demo): every file plus manifest.json, deterministic.
    const files = await writeDemo(values.demo);
    process.stderr.write(`${values.demo}: ${files.length} files and manifest.json\n`);
    return 0;
  }
  const kind = values.kind as GenerateKind;
  if (!GENERATE_KINDS.includes(kind)) throw new UsageError(`usage: ${GENERATE_USAGE}`);
  const rows = Number(values.rows);
  const seed = Number(values.seed);
  if (!Number.isInteger(rows) || rows < 1 || rows > 50_000_000) throw new UsageError('--rows must be a whole number from 1 to 50000000');
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
  if (!values.out) {
    await generateExport({ kind, rows, seed, out: process.stdout });
    return 0;
  }
  const out = createWriteStream(values.out);
  const result = await generateExport({ kind, rows, seed, out });
  out.end();
  await finished(out);
  process.stderr.write(`${values.out}: ${result.rows} rows, ${result.bytes} bytes\n`);
  return 0;
}
