/**
 * 问卷星 answer downloads (issue 17): the same 8 answer sheets as 按选项文本
 * (fixtures/samples/wjx-survey-text.csv: "┋"-joined multi-select, matrix "4、(口味)" columns) and as
 * 按选项序号 (wjx-survey-index.csv: option numbers, multi-select as "3、(抖音)" 0/1 columns).
 * Expectations read off the CSV text.
 */
import path from 'node:path';
import { ingestFile } from '../ingest';
import { col, expectRowsAddUp, wall, warning } from './golden-helpers';

const SAMPLES = path.join(process.cwd(), 'fixtures', 'samples');
const load = (file: string) => ingestFile(path.join(SAMPLES, file), { fileName: file, account: '零食口味调研' });

describe.each(['wjx-survey-text.csv', 'wjx-survey-index.csv'])('%s', (file) => {
  it('is a survey; 来自IP is personal data and never stored', async () => {
    const { table, report } = await load(file);
    expect(report.kind).toBe('survey');
    expect(report.naturalKey).toEqual(['account', 'respondent_id']);
    expect(report.rows).toEqual({ read: 8, accepted: 8, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    expect(warning(report, 'PII_DROPPED').params).toEqual({ columns: '来自IP' });
    expect(
      JSON.stringify(
        [...table.columns.entries()].map(([k, c]) => [
          k,
          Array.from({ length: table.length }, (_, i) => (c.type === 'dict' ? c.dict[c.codes[i]] : c.values[i])),
        ]),
      ),
    ).not.toMatch(/120\.229|36\.110|广东-深圳/);
  });

  it('maps the fixed columns; 所用时间 "95秒" is 95 seconds; question columns are kept as text', async () => {
    const { table } = await load(file);
    expect(col(table, 'respondent_id')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(col(table, 'submitted_at')[0]).toBe(wall(2026, 11, 1, 10, 2, 11));
    expect(col(table, 'duration_seconds')).toEqual([95, 120, 62, 210, 45, 150, 88, 30]);
    expect(col(table, 'source')).toEqual(['手机提交', '链接', '手机提交', '手机提交', '链接', '手机提交', '手机提交', '链接']);
    expect(col(table, 'source_detail')[1]).toBeNull();
    // NFKC turns the full-width colon and question mark into ASCII
    expect(col(table, '5、您向朋友推荐我们的可能性有多大?')).toEqual(['9', '7', '10', '8', '3', '9', '10', '5']);
    expect(col(table, '4、(价格)')).toEqual(['3', '2', '3', '4', '1', '4', '3', '2']);
  });

  it('scrubs the phone number in an open answer, keeps 问卷星 skip marks as written', async () => {
    const { table, report } = await load(file);
    const open = col(table, '6、您对我们有什么建议?');
    expect(open[2]).toBe('价格贵了点，有活动请联系我[已隐藏]');
    expect(open[1]).toBe('(跳过)');
    expect(warning(report, 'PII_TEXT_SCRUBBED').params).toEqual({ count: 1, columns: '6、您对我们有什么建议?' });
  });
});

it('wjx-survey-text.csv keeps multi-select answers joined by ┋', async () => {
  const { table } = await load('wjx-survey-text.csv');
  expect(col(table, '3、您平时通过哪些渠道购买零食?【多选题】')[3]).toBe('抖音┋淘宝┋线下超市');
});

it('wjx-survey-index.csv has one 0/1 column per option', async () => {
  const { table } = await load('wjx-survey-index.csv');
  expect(col(table, '3、(抖音)')).toEqual(['1', '1', '0', '1', '0', '1', '1', '0']);
  expect(col(table, '1、您的年龄段:')).toEqual(['1', '2', '2', '3', '1', '3', '1', '4']);
});
