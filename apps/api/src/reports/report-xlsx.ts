import ExcelJS from 'exceljs';
import { formatWallMs, neutraliseFormula } from '@creator-ops/format';
import type { ResultColumn } from '@creator-ops/query';
import { shortSheetTitle, totalsLabel, type Kpi, type ReportResult } from '@creator-ops/reports';
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
  // Sheet names: the short title (≤ 31 characters, Excel's limit), numbered when two tables share it.
  const sheetName = (title: string) => {
    const short = shortSheetTitle(title);
    let name = short;
    for (let n = 2; used.has(name); n++) name = `${short.slice(0, 27)} ${n}`;
    used.add(name);
    return name;
  };
  if (report.kpis.length) {
    const ws = wb.addWorksheet(sheetName(zh ? '核心指标' : 'KPIs'));
    ws.addRow(zh ? ['指标', '本期', '上期', '变化', '变化率', '公式'] : ['Metric', 'Current', 'Previous', 'Change', 'Change %', 'Formula']);
    // Numbers with number formats (Excel can sum and chart them), not the display strings.
    for (const k of report.kpis) {
      const row = ws.addRow([text(zh ? k.label.zh : k.label.en), k.value, k.previous, kpiDelta(k), k.deltaPct, text(zh ? k.formula.zh : k.formula.en)]);
      const fmt = NUM_FORMATS[k.unit] ?? NUM_FORMATS.decimal;
      row.getCell(2).numFmt = fmt;
      row.getCell(3).numFmt = fmt;
      row.getCell(4).numFmt = k.deltaUnit === 'pp' ? (zh ? '+0.00"个百分点";-0.00"个百分点";0.00"个百分点"' : '+0.00" pp";-0.00" pp";0.00" pp"') : signed(fmt);
      row.getCell(5).numFmt = '+0.00%;-0.00%;0.00%';
    }
    ws.getRow(1).font = { bold: true };
    [24, 16, 16, 16, 12, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  for (const table of report.tables) {
    const ws = wb.addWorksheet(sheetName(zh ? table.title.zh : table.title.en));
    ws.addRow(table.columns.map((c) => text(zh ? c.label.zh : c.label.en)));
    ws.getRow(1).font = { bold: true };
    for (const row of table.rows) ws.addRow(table.columns.map((c) => cell(row[c.key])));
    if (table.totals)
      ws.addRow(table.columns.map((c, i) => (c.role === 'metric' ? cell(table.totals![c.key]) : i === 0 ? totalsLabel(table, zh ? 'zh-CN' : 'en') : null)));
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
      const png = svgToPng(renderChartSvg(chart.option, { width: 960, height: 540 }, zh ? 'zh-CN' : 'en'), 960);
      const imageId = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
      ws.getCell(top + 1, 1).value = text(zh ? chart.title.zh : chart.title.en);
      ws.addImage(imageId, { tl: { col: 0, row: top + 1 }, ext: { width: 960, height: 540 } });
      top += 30;
    }
  }
  const prov = wb.addWorksheet(sheetName(zh ? '数据来源' : 'Provenance'));
  prov.addRow([zh ? '报表' : 'Report', text(zh ? report.title.zh : report.title.en), report.key]);
  prov.addRow([zh ? '工作区' : 'Workspace', text(workspace)]);
  prov.addRow([zh ? '生成时间' : 'Generated at', beijingTime(report.generatedAt, zh)]);
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

/** The change as a number: percentage points ×100 for percent metrics (formatted "个百分点"), else the difference. */
function kpiDelta(k: Kpi): number | null {
  if (k.delta === null) return null;
  return k.deltaUnit === 'pp' ? k.delta * 100 : k.delta;
}

function signed(fmt: string): string {
  return `+${fmt};-${fmt};${fmt}`;
}

/** '2026-12-04 16:40:58 北京时间' from an ISO instant (UTC+8, no daylight saving). */
function beijingTime(iso: string, zh: boolean): string {
  return `${formatWallMs(Date.parse(iso) + 8 * 3_600_000)} ${zh ? '北京时间' : 'Beijing time (UTC+8)'}`;
}

function text(v: string): string {
  return neutraliseFormula(v);
}

function cell(v: string | number | null | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? text(v) : v;
}
