import { HttpStatus, Injectable } from '@nestjs/common';
import type { TableSet } from '@creator-ops/query';
import { missingField, missingKinds, REPORTS, reportDefinition, runReport, totalsLabel, type ReportInput, type ReportResult } from '@creator-ops/reports';
import { AppError } from '../common/app-error';
import { tableToCsv } from '../common/csv';
import { TablesService } from '../tables/tables.service';
import type { Workspace } from '../workspaces/workspaces.repository';
import { renderChartSvg, svgToPng } from './chart-renderer';
import { reportToXlsx, type ProvenanceSource } from './report-xlsx';

@Injectable()
export class ReportsService {
  constructor(private readonly tables: TablesService) {}

  async catalogue(ws: Workspace) {
    const { tables } = await this.load(ws);
    const present = new Set(tables.keys());
    return {
      items: REPORTS.map((r) => {
        const missing = missingKinds(r, present);
        // Kinds present but a needed field absent (RFM without a buyer key): unavailable, with the reason.
        const reason = missing.length === 0 ? missingField(r, tables) : null;
        return {
          key: r.key,
          title: r.title,
          description: r.description,
          standard: r.standard,
          kinds: r.kinds,
          anyOf: r.anyOf ?? false,
          params: r.params,
          available: missing.length === 0 && !reason,
          missing,
          ...(reason ? { reason } : {}),
        };
      }),
    };
  }

  async report(ws: Workspace, key: string, input: ReportInput): Promise<ReportResult> {
    return (await this.build(ws, key, input)).report;
  }

  async chart(ws: Workspace, key: string, chartId: string, format: 'svg' | 'png', input: ReportInput): Promise<Buffer | string> {
    const { report } = await this.build(ws, key, input);
    const chart = report.charts.find((c) => c.id === chartId);
    if (!chart) throw new AppError('CHART_NOT_FOUND', HttpStatus.NOT_FOUND, { chart: chartId, report: key });
    const svg = renderChartSvg(chart.option, undefined, report.params.locale);
    return format === 'svg' ? svg : svgToPng(svg);
  }

  async xlsx(ws: Workspace, key: string, input: ReportInput): Promise<{ body: Buffer; fileName: string }> {
    const { report, sources } = await this.build(ws, key, input);
    return { body: await reportToXlsx(report, sources, ws.name), fileName: `${key}-${report.params.from ?? 'all'}-${report.params.to ?? 'all'}.xlsx` };
  }

  async csv(ws: Workspace, key: string, tableId: string | undefined, input: ReportInput): Promise<{ body: string; fileName: string }> {
    const { report } = await this.build(ws, key, input);
    const table = tableId ? report.tables.find((t) => t.id === tableId) : report.tables[0];
    if (!table) throw new AppError('TABLE_NOT_FOUND', HttpStatus.NOT_FOUND, { table: tableId ?? '-', report: key });
    return {
      body: tableToCsv(table.columns, table.rows, table.totals, report.params.locale, { excel: true, totalsLabel: totalsLabel(table, report.params.locale) }),
      fileName: `${key}-${table.id}.csv`,
    };
  }

  private async build(ws: Workspace, key: string, input: ReportInput) {
    reportDefinition(key);
    const { tables, sources } = await this.load(ws);
    const report = runReport(key, tables, input);
    const used = new Set(report.missing ? [] : reportDefinition(key).kinds);
    return { report, sources: sources.filter((s) => used.has(s.kind as never)) };
  }

  private async load(ws: Workspace): Promise<{ tables: TableSet; sources: ProvenanceSource[] }> {
    const { tables, sources } = await this.tables.tableSet(ws.id);
    return { tables, sources: sources.map((s) => ({ kind: s.kind, fileName: s.fileName, sha256: s.sourceSha256, id: s.id })) };
  }
}
