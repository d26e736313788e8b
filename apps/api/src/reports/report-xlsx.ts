import ExcelJS from 'exceljs';
import { neutraliseFormula } from '@creator-ops/format';
import type { ResultColumn } from '@creator-ops/query';
import type { ReportResult } from '@creator-ops/reports';
import { renderChartSvg, svgToPng } from './chart-renderer';

export interface ProvenanceSource {
  kind: string;
  fileName: string;
  sha256: string;
  id: string;
}

const NUM_FORMATS: Record<string, string> = {
  money: '¥#,##0.00',
  percent: '0.00%',
  multiple: '0.00',
  count: '#,##0',
  seconds: '0.0',
  minutes: '0.00',
  decimal: '0.00',
};

/** The report as a workbook: a sheet per table, the charts as images, and a provenance sheet. */
export async function reportToXlsx(report: ReportResult, sources: ProvenanceSource[], workspace: string): Promise<Buffer> {
  const zh = report.params.locale !== 'en';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'creator-ops';
  wb.created = new Date(report.generatedAt);
  const used = new Set<string>();
  const sheetName = (title: string) => {
    let base = title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28) || 'Sheet';
    for (let n = 2; used.has(base); n++) base = `${base.slice(0, 25)} ${n}`;
    used.add(base);
    return base;
  };
  if (report.kpis.length) {
    const ws = wb.addWorksheet(sheetName(zh ? '核心指标' : 'KPIs'));
    ws.addRow(zh ? ['指标', '本期', '上期', '变化', '变化率', '公式'] : ['Metric', 'Current', 'Previous', 'Change', 'Change %', 'Formula']);
    for (const k of report.kpis) ws.addRow([zh ? k.label.zh : k.label.en, k.display.value, k.display.previous, k.display.delta, k.display.deltaPct, zh ? k.formula.zh : k.formula.en].map(text));
    ws.getRow(1).font = { bold: true };
  }
  for (const table of report.tables) {
    const ws = wb.addWorksheet(sheetName(zh ? table.title.zh : table.title.en));
    ws.addRow(table.columns.map((c) => text(zh ? c.label.zh : c.label.en)));
    ws.getRow(1).font = { bold: true };
    for (const row of table.rows) ws.addRow(table.columns.map((c) => cell(row[c.key])));
    if (table.totals) ws.addRow(table.columns.map((c, i) => (c.role === 'metric' ? cell(table.totals![c.key]) : i === 0 ? (zh ? '合计' : 'Total') : null)));
    table.columns.forEach((c: ResultColumn, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(10, Math.min(40, (zh ? c.label.zh : c.label.en).length * 2 + 4));
      if (c.role === 'metric' && c.unit && NUM_FORMATS[c.unit]) col.numFmt = NUM_FORMATS[c.unit];
    });
  }
  if (report.charts.length) {
    const ws = wb.addWorksheet(sheetName(zh ? '图表' : 'Charts'));
    let top = 0;
    for (const chart of report.charts) {
      const png = svgToPng(renderChartSvg(chart.option, { width: 960, height: 540 }), 960);
      const imageId = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
      ws.getCell(top + 1, 1).value = text(zh ? chart.title.zh : chart.title.en);
      ws.addImage(imageId, { tl: { col: 0, row: top + 1 }, ext: { width: 960, height: 540 } });
      top += 30;
    }
  }
  const prov = wb.addWorksheet(sheetName(zh ? '数据来源' : 'Provenance'));
  prov.addRow([zh ? '报表' : 'Report', text(zh ? report.title.zh : report.title.en), report.key]);
  prov.addRow([zh ? '工作区' : 'Workspace', text(workspace)]);
  prov.addRow([zh ? '生成时间' : 'Generated at', report.generatedAt]);
  prov.addRow([zh ? '技能标准' : 'Skill standard', report.standard.join(', ')]);
  prov.addRow([]);
  prov.addRow([zh ? '参数' : 'Parameter', zh ? '值' : 'Value']);
  for (const [k, v] of Object.entries(report.params)) prov.addRow([k, v === null ? '-' : text(String(v))]);
  prov.addRow([]);
  prov.addRow([zh ? '来源导入' : 'Source import', zh ? '类型' : 'Kind', zh ? '文件 SHA-256' : 'File SHA-256', 'ID']);
  for (const s of sources) prov.addRow([text(s.fileName), s.kind, s.sha256, s.id]);
  prov.addRow([]);
  prov.addRow([zh ? '指标' : 'Metric', zh ? '公式' : 'Formula', zh ? '单位' : 'Unit']);
  for (const m of report.metrics) prov.addRow([text(zh ? m.label.zh : m.label.en), text(zh ? m.formula.zh : m.formula.en), m.unit]);
  prov.getColumn(1).width = 28;
  prov.getColumn(2).width = 48;
  prov.getColumn(3).width = 66;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function text(v: string): string {
  return neutraliseFormula(v);
}

function cell(v: string | number | null | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? text(v) : v;
}
