import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { IngestError, type ImportReport } from '@creator-ops/ingest';
import { EXPORT_KINDS, isExportKind } from '@creator-ops/schemas';
import { AppError } from '@creator-ops/core/light';
import { openLightContext } from '../light-context';
import { parse, UsageError } from '../args';

export const INGEST_USAGE = `ingest FILE... [--workspace W] [--kind ${EXPORT_KINDS.join('|')}] [--account NAME] [--date YYYY-MM-DD] [--encoding E] [--sheet NAME|N] [--json]`;

type FileOutcome = ImportReport | { file: string; error: { code: string; message: string; messageEn: string; details?: unknown } };

/** Imports each file into the workspace; exit 0 when every file imported, 1 when one could not be. */
export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    workspace: { type: 'string', short: 'w', default: 'default' },
    kind: { type: 'string' },
    account: { type: 'string' },
    date: { type: 'string' },
    encoding: { type: 'string' },
    sheet: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length === 0) throw new UsageError(`usage: ${INGEST_USAGE}`);
  if (values.kind !== undefined && !isExportKind(values.kind)) throw new UsageError(`unknown kind "${values.kind}" (${EXPORT_KINDS.join(', ')})`);
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date must be YYYY-MM-DD (got "${values.date}")`);
  const { core } = await openLightContext({}, { write: true, command: 'ingest' });
  const datasets = core.datasets;
  const outcomes: FileOutcome[] = [];
  let failed = false;
  try {
    for (const file of positionals) {
      const path = resolve(file);
      if (!existsSync(path) || !statSync(path).isFile()) {
        outcomes.push({ file, error: { code: 'FILE_NOT_FOUND', message: `文件不存在：${file}`, messageEn: `No such file: ${file}` } });
        failed = true;
        continue;
      }
      const size = statSync(path).size;
      let lastShown = 0;
      try {
        const { report } = await datasets.import(values.workspace!, {
          path,
          fileName: basename(path),
          kind: values.kind as never,
          account: values.account,
          date: values.date,
          encoding: values.encoding,
          sheet: values.sheet,
          onProgress: ({ bytes, rows }) => {
            const now = Date.now();
            if (size > 8 * 1024 * 1024 && now - lastShown > 1000) {
              lastShown = now;
              process.stderr.write(`${basename(path)}: ${((bytes / size) * 100).toFixed(0)}% (${rows} rows)\n`);
            }
          },
        });
        outcomes.push(report);
      } catch (e) {
        failed = true;
        outcomes.push({ file: basename(path), error: describeError(e) });
      }
    }
  } finally {
    await core.close();
  }
  process.stdout.write(values.json ? JSON.stringify(outcomes, null, 2) + '\n' : outcomes.map(humanLine).join('\n') + '\n');
  return failed ? 1 : 0;
}

function describeError(e: unknown) {
  if (e instanceof IngestError) return { code: e.code, message: e.text('zh'), messageEn: e.text('en') };
  if (e instanceof AppError)
    return { code: e.code, message: e.text('zh'), messageEn: e.text('en'), ...(e.details === undefined ? {} : { details: e.details }) };
  throw e;
}

function humanLine(o: FileOutcome): string {
  if ('error' in o) return `✗ ${o.file}: ${o.error.code} ${o.error.message}`;
  const r = o.rows;
  const lines = [
    `✓ ${o.file}${o.sheet ? ` [${o.sheet}]` : ''}: ${o.kind}, ${o.encoding}, 读取 ${r.read} 行 / 导入 ${r.accepted} / 拒绝 ${r.rejected} / 跳过 ${r.skipped}`,
  ];
  for (const rej of o.rejected.slice(0, 10)) lines.push(`    第 ${rej.line} 行${rej.column ? ` [${rej.column}]` : ''}: ${rej.code} ${rej.message}`);
  for (const w of o.warnings) lines.push(`    ! ${w.message}`);
  return lines.join('\n');
}
