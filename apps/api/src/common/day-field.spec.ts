import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { QueryDto } from '../query/dto/query.dto';
import { ReportQueryDto } from '../reports/dto/report-query.dto';

const messages = (errors: ReturnType<typeof validateSync>) => errors.flatMap((e) => Object.values(e.constraints ?? {}));

describe('OptionalDay', () => {
  it('accepts a missing or YYYY-MM-DD day and names the field otherwise (report query)', () => {
    expect(validateSync(plainToInstance(ReportQueryDto, {}))).toEqual([]);
    expect(validateSync(plainToInstance(ReportQueryDto, { from: '2026-10-01', to: '2026-10-31', reference_date: '2026-10-31' }))).toEqual([]);
    const errors = validateSync(plainToInstance(ReportQueryDto, { from: '2026/10/01', to: '20261031', reference_date: 'yesterday' }));
    expect(messages(errors)).toEqual(['from must be YYYY-MM-DD', 'to must be YYYY-MM-DD', 'reference_date must be YYYY-MM-DD']);
  });

  it('does the same for the query body', () => {
    const errors = validateSync(plainToInstance(QueryDto, { metrics: ['ctr'], from: '2026-1-1', to: '2026-01-31' }));
    expect(messages(errors)).toEqual(['from must be YYYY-MM-DD']);
  });
});
