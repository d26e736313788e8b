// First: the modules loaded after it are compiled through the code cache.
import './compile-cache';
import 'reflect-metadata';
import { ConfigError, DataDirLockedError } from '@creator-ops/core/start';
import { CodedError } from '@creator-ops/errors';
import { UsageError } from './args';
import { warmUpIngestWorker } from '@creator-ops/ingest/worker';
import { beginFirstStartHash } from './first-start';

type Command = (argv: string[]) => Promise<number>;

const SERVE_USAGE = 'serve [--port P] [--host H]';

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

/** Each command's usage line (`<command> --help`), without loading what the command itself loads (serve: the server). */
const USAGES: Record<string, () => Promise<string>> = {
  ingest: async () => (await import('./commands/ingest.command.js')).INGEST_USAGE,
  query: async () => (await import('./commands/query.command.js')).QUERY_USAGE,
  report: async () => (await import('./commands/report.command.js')).REPORT_USAGE,
  alerts: async () => (await import('./commands/alerts.command.js')).ALERTS_USAGE,
  grade: async () => (await import('./commands/grade.command.js')).GRADE_USAGE,
  generate: async () => (await import('./commands/generate.command.js')).GENERATE_USAGE,
  export: async () => (await import('./commands/export.command.js')).EXPORT_USAGE,
  serve: async () => SERVE_USAGE,
};

const isHelp = (arg: string | undefined) => arg === 'help' || arg === '--help' || arg === '-h';

async function usage(): Promise<string> {
  const lines = await Promise.all(Object.values(USAGES).map((line) => line()));
  return `creator-ops — 自媒体运营数据分析台

usage: npm run --silent cli -- <command> [options]
${lines.map((line) => `  ${line}`).join('\n')}

\`<command> --help\` prints one command's usage.
Data lives in DATA_DIR (default ./data), shared with the server.`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || isHelp(command)) {
    process.stdout.write((await usage()) + '\n');
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`unknown command "${command}"\n\n${await usage()}\n`);
    return 2;
  }
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (options.includes('--help') || options.includes('-h')) {
    process.stdout.write(`usage: npm run --silent cli -- ${await USAGES[command]()}\n`);
    return 0;
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
