import { WarehouseService } from '@creator-ops/core';
import { openContext, resolveWorkspace } from '../cli-context';
import { parse, UsageError } from '../args';

export const EXPORT_USAGE = 'export --workspace W --format parquet --out DIR   (one <kind>.parquet per kind: imports merged, overlaps resolved)';

/** Writes the workspace's logical tables as Parquet files for a warehouse; prints what it wrote as JSON. */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    format: { type: 'string', default: 'parquet' },
    out: { type: 'string', short: 'o' },
  });
  if (!values.workspace || !values.out) throw new UsageError(`usage: ${EXPORT_USAGE}`);
  if (values.format !== 'parquet') throw new UsageError(`--format must be parquet (got "${values.format}")`);
  const { ctx } = await openContext();
  try {
    const files = await ctx.get(WarehouseService).exportWorkspace(await resolveWorkspace(ctx, values.workspace), values.out);
    process.stdout.write(JSON.stringify({ files }, null, 2) + '\n');
    return 0;
  } finally {
    await ctx.close();
  }
}
