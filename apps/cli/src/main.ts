import 'reflect-metadata';
import { ConfigError, isDiskFull, translateError, DataDirLockedError } from '@creator-ops/core';
import { CodedError } from '@creator-ops/errors';
import { ReportParamError } from '@creator-ops/reports';
import { UsageError } from './args';
import { ALERTS_USAGE, alertsCommand } from './commands/alerts.command';
import { EXPORT_USAGE, exportCommand } from './commands/export.command';
import { GENERATE_USAGE, generateCommand } from './commands/generate.command';
import { GRADE_USAGE, gradeCommand } from './commands/grade.command';
import { INGEST_USAGE, ingestCommand } from './commands/ingest.command';
import { QUERY_USAGE, queryCommand } from './commands/query.command';
import { REPORT_USAGE, reportCommand } from './commands/report.command';
import { serveCommand } from './commands/serve.command';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  ingest: ingestCommand,
  query: queryCommand,
  report: reportCommand,
  alerts: alertsCommand,
  grade: gradeCommand,
  generate: generateCommand,
  export: exportCommand,
  serve: serveCommand,
};

const USAGE = `creator-ops — 自媒体运营数据分析台

usage: npm run --silent cli -- <command> [options]
  ${INGEST_USAGE}
  ${QUERY_USAGE}
  ${REPORT_USAGE}
  ${ALERTS_USAGE}
  ${GRADE_USAGE}
  ${GENERATE_USAGE}
  ${EXPORT_USAGE}
  serve [--port P] [--host H]

Data lives in DATA_DIR (default ./data), shared with the server.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
    return 2;
  }
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const { text, exitCode } = describeFailure(e);
    process.stderr.write(`${text}\n`);
    process.exitCode = exitCode;
  },
);

/** Usage and configuration mistakes exit 2, a locked DATA_DIR 3; coded errors print through the API's one translation. */
function describeFailure(e: unknown): { text: string; exitCode: number } {
  if (e instanceof UsageError || e instanceof ConfigError || e instanceof ReportParamError) return { text: e.message, exitCode: 2 };
  if (e instanceof DataDirLockedError) return { text: e.message, exitCode: 3 };
  const error = e instanceof CodedError || isDiskFull(e) ? translateError(e) : null;
  if (error && error.code !== 'INTERNAL_ERROR') return { text: `${error.code}: ${error.text('zh')} / ${error.text('en')}`, exitCode: 1 };
  return { text: e instanceof Error ? (e.stack ?? e.message) : String(e), exitCode: 1 };
}
