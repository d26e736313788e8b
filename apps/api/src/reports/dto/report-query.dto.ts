import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { COMPARE_MODES, type CompareMode } from '@creator-ops/query';
import { PERIOD_PRESETS, type PeriodPreset } from '@creator-ops/reports';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { OptionalDay } from '../../common/day-field';

/** Report parameters as a query string (also used by the chart and export endpoints). */
export class ReportQueryDto {
  @ApiPropertyOptional({ enum: [...PERIOD_PRESETS] })
  @IsOptional()
  @IsIn([...PERIOD_PRESETS])
  preset?: PeriodPreset;

  @OptionalDay('2026-10-01')
  from?: string;

  @OptionalDay('2026-10-31')
  to?: string;

  @ApiPropertyOptional({ enum: ['day', 'week', 'month'] })
  @IsOptional()
  @IsIn(['day', 'week', 'month'])
  granularity?: 'day' | 'week' | 'month';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  account?: string;

  @ApiPropertyOptional({ enum: [...COMPARE_MODES, 'none'] })
  @IsOptional()
  @IsIn([...COMPARE_MODES, 'none'])
  compare?: CompareMode | 'none';

  @ApiPropertyOptional({ minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  top?: number;

  @ApiPropertyOptional({ description: 'Gross margin as a fraction (0, 1]', example: 0.3 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0.0001)
  @Max(1)
  gross_margin?: number;

  @OptionalDay('2026-10-31')
  reference_date?: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'] })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: 'zh-CN' | 'en';

  /** export.csv: which table. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  table?: string;
}
