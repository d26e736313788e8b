import { HttpStatus, Injectable } from '@nestjs/common';
import type { TableSet } from '@creator-ops/query';
import { missingField, missingKinds, REPORTS, reportDefinition, runReport, totalsLabel, type ReportInput, type ReportResult } from '@creator-ops/reports';
import { AppError } from '../common/app-error';
import { tableToCsv } from '../common/csv';
import { TablesService } from '../tables/tables.service';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { renderChartSvg, svgToPng } from './chart-renderer';
import { reportToXlsx, type ProvenanceSource } from './report-xlsx';

@Injectable()
export class ReportsService {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly tables: TablesService,
  ) {}

  async catalogue(workspaceName: string) {
    const { tables } = await this.load(workspaceName);
    const present = new Set(tables.keys());
    return {
      items: REPORTS.map((r) => {
        const missing = missingKinds(r, present);
        // Kinds present but a needed field absent (RFM without a buyer key): unavailable, with the reason.
        const reason = missing.length === 0 ? missingField(r, tables) : null;
        return { key: r.key, title: r.title, description: r.description, standard: r.standard, kinds: r.kinds, anyOf: r.anyOf ?? false, params: r.params, available: missing.length === 0 && !reason, missing, ...(reason ? { reason } : {}) };
      }),
    };
  }

  async report(workspaceName: string, key: string, input: ReportInput): Promise<ReportResult> {
    return (await this.build(workspaceName, key, input)).report;
  }

  async chart(workspaceName: string, key: string, chartId: string, format: 'svg' | 'png', input: ReportInput): Promise<Buffer | string> {
    const { report } = await this.build(workspaceName, key, input);
    const chart = report.charts.find((c) => c.id === chartId);
    if (!chart) throw new AppError('CHART_NOT_FOUND', HttpStatus.NOT_FOUND, { chart: chartId, report: key });
    const svg = renderChartSvg(chart.option, undefined, report.params.locale);
    return format === 'svg' ? svg : svgToPng(svg);
  }

  async xlsx(workspaceName: string, key: string, input: ReportInput): Promise<{ body: Buffer; fileName: string }> {
    const { report, sources } = await this.build(workspaceName, key, input);
    return { body: await reportToXlsx(report, sources, workspaceName), fileName: `${key}-${report.params.from ?? 'all'}-${report.params.to ?? 'all'}.xlsx` };
  }

  async csv(workspaceName: string, key: string, tableId: string | undefined, input: ReportInput): Promise<{ body: string; fileName: string }> {
    const { report } = await this.build(workspaceName, key, input);
    const table = tableId ? report.tables.find((t) => t.id === tableId) : report.tables[0];
    if (!table) throw new AppError('TABLE_NOT_FOUND', HttpStatus.NOT_FOUND, { table: tableId ?? '-', report: key });
    return { body: tableToCsv(table.columns, table.rows, table.totals, report.params.locale, { excel: true, totalsLabel: totalsLabel(table, report.params.locale) }), fileName: `${key}-${table.id}.csv` };
  }

  private async build(workspaceName: string, key: string, input: ReportInput) {
    reportDefinition(key);
    const { tables, sources } = await this.load(workspaceName);
    const report = runReport(key, tables, input);
    const used = new Set(report.missing ? [] : reportDefinition(key).kinds);
    return { report, sources: sources.filter((s) => used.has(s.kind as never)) };
  }

  private async load(workspaceName: string): Promise<{ tables: TableSet; sources: ProvenanceSource[] }> {
    const ws = await this.workspaces.get(workspaceName);
    const logical = await this.tables.all(ws.id);
    const tables: TableSet = new Map([...logical].map(([k, v]) => [k, v.table]));
    const sources = [...logical.values()].flatMap((l) => l.sources.map((s) => ({ kind: l.kind, fileName: s.fileName, sha256: s.sourceSha256, id: s.id })));
    return { tables, sources };
  }
}
