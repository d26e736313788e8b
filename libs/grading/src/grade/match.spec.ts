import { gradeSubmission } from './grade';
import { parseSubmission } from '../submission/parse';
import { bank, exampleAnswer, keyOf, toCsv } from '../testing/fixtures';

const find = (id: string) => bank().find((e) => e.id === id)!;

describe('matching a submitted table to the key', () => {
  it('finds the header below a title row, and a key column named otherwise', async () => {
    const ex = find('cj-4.3.4-plan-metrics');
    const key = await keyOf(ex);
    const t = exampleAnswer(ex);
    const grid = [['推广数据基础指标表（2026-10-01 至 10-14）'], ['名称', ...t.header.slice(1)], ...t.rows];
    const csv = Buffer.from('\uFEFF' + grid.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(',')).join('\r\n'));
    const result = gradeSubmission(ex, key, await parseSubmission(csv, 'a.csv'));
    expect(result.score).toBe(key.maxScore);
  });

  it('says so when an id lost its digits in a spreadsheet', async () => {
    const ex = find('cj-3.1.6-overdue-orders');
    const key = await keyOf(ex);
    const t = exampleAnswer(ex);
    const id = t.rows[0][0];
    const rows = [[`${id.slice(0, 15)}${'0'.repeat(id.length - 15)}`], ...t.rows.slice(1)];
    const result = gradeSubmission(ex, key, await parseSubmission(toCsv({ header: t.header, rows }), 'a.csv'));
    expect(result.rows.find((r) => r.status === 'extra')?.diagnosis?.code).toBe('ID_SCIENTIFIC');
    expect(result.score).toBe(key.maxScore - 2);
  });

  it('without any recognisable header scores 0 with a diagnosis, never throws', async () => {
    const ex = find('cj-2.1.6-works-by-format');
    const key = await keyOf(ex);
    const result = gradeSubmission(ex, key, await parseSubmission(Buffer.from('a,b\n1,2\n'), 'a.csv'));
    expect(result.score).toBe(0);
    expect(result.diagnoses[0].code).toBe('NO_HEADER');
  });
});
