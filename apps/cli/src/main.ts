// First: the modules loaded after it are compiled through the code cache.
import './compile-cache';
import 'reflect-metadata';
import { ConfigError, DataDirLockedError } from '@creator-ops/core/start';
import { CodedError } from '@creator-ops/errors';
import { UsageError } from './args';
import { warmUpIngestWorker } from '@creator-ops/ingest/worker';
import { beginFirstStartHash } from './first-start';

type Command = (argv: string[]) => Promise<number>;

/** Each command's module is loaded when it runs: ingest and query never load the web framework that report, alerts, export and serve start. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  ingest: async () => (await import('./commands/ingest.command.js')).ingestCommand,
  query: async () => (await import('./commands/query.command.js')).queryCommand,
  report: async () => (await import('./commands/report.command.js')).reportCommand,
  alerts: async () => (await import('./commands/alerts.command.js')).alertsCommand,
  grade: async () => (await import('./commands/grade.command.js')).gradeCommand,
  generate: async () => (await import('./commands/generate.command.js')).generateCommand,
  export: async () => (await import('./commands/export.command.js')).exportCommand,
  serve: async () => (await import('./commands/serve.command.js')).serveCommand,
};

async function usage(): Promise<string> {
  const [ingest, query, report, alerts, grade, generate, exportC] = await Promise.all([
    import('./commands/ingest.command.js'),
    import('./commands/query.command.js'),
    import('./commands/report.command.js'),
    import('./commands/alerts.command.js'),
    import('./commands/grade.command.js'),
    import('./commands/generate.command.js'),
    import('./commands/export.command.js'),
  ]);
  return `creator-ops — 自媒体运营数据分析台

usage: npm run --silent cli -- <command> [options]
  ${ingest.INGEST_USAGE}
  ${query.QUERY_USAGE}
  ${report.REPORT_USAGE}
  ${alerts.ALERTS_USAGE}
  ${grade.GRADE_USAGE}
  ${generate.GENERATE_USAGE}
  ${exportC.EXPORT_USAGE}
  serve [--port P] [--host H]

Data lives in DATA_DIR (default ./data), shared with the server.`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write((await usage()) + '\n');
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`unknown command "${command}"\n\n${await usage()}\n`);
    return 2;
  }
  // The first start's password hash begins before the core loads.
  if (command === 'ingest') {
    beginFirstStartHash();
    // A large file's second reading thread loads its modules now, beside the core's loading.
    warmUpIngestWorker(rest.filter((arg) => !arg.startsWith('-')));
  }
  return (await run())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  async (e: unknown) => {
    const { text, exitCode } = await describeFailure(e);
    process.stderr.write(`${text}\n`);
    process.exitCode = exitCode;
  },
);

/**
 * Usage and configuration mistakes exit 2, a locked DATA_DIR 3; coded errors print through the API's
 * one translation. The core and the reports are loaded here only on a failure (the commands that
 * do not use them start without them).
 */
async function describeFailure(e: unknown): Promise<{ text: string; exitCode: number }> {
  if (e instanceof UsageError || e instanceof ConfigError) return { text: e.message, exitCode: 2 };
  if (e instanceof DataDirLockedError) return { text: e.message, exitCode: 3 };
  const { ReportParamError, isDiskFull, translateError } = await import('./failure-errors.js');
  if (e instanceof ReportParamError) return { text: e.message, exitCode: 2 };
  const error = e instanceof CodedError || isDiskFull(e) ? translateError(e) : null;
  if (error && error.code !== 'INTERNAL_ERROR') return { text: `${error.code}: ${error.text('zh')} / ${error.text('en')}`, exitCode: 1 };
  return { text: e instanceof Error ? (e.stack ?? e.message) : String(e), exitCode: 1 };
}
