import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { COMPARE_MODES, type CompareMode } from '@creator-ops/query';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  Allow,
} from 'class-validator';
import { OptionalDay } from '../../common/day-field';

export class QueryFilterDto {
  @ApiProperty({ description: 'Canonical field or original header' })
  @IsString()
  field: string;

  @ApiProperty({ enum: ['eq', 'ne', 'in', 'range', 'contains', 'contains_any', 'contains_none'] })
  @IsIn(['eq', 'ne', 'in', 'range', 'contains', 'contains_any', 'contains_none'])
  op: 'eq' | 'ne' | 'in' | 'range' | 'contains' | 'contains_any' | 'contains_none';

  @ApiProperty({ description: 'eq/ne/contains: a value; in: an array; range: [min, max]' })
  @Allow()
  value: unknown;
}

export class QuerySortDto {
  @ApiProperty()
  @IsString()
  key: string;

  @ApiProperty({ enum: ['asc', 'desc'] })
  @IsIn(['asc', 'desc'])
  dir: 'asc' | 'desc';
}

export class QueryDto {
  @ApiProperty({ type: [String], example: ['ctr', 'cpc', 'roi'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  metrics: string[];

  @ApiPropertyOptional({ type: [String], example: ['plan_id', 'date:week'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  dimensions?: string[];

  @ApiPropertyOptional({ type: [QueryFilterDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => QueryFilterDto)
  filters?: QueryFilterDto[];

  @OptionalDay('2026-10-01')
  from?: string;

  @OptionalDay('2026-10-31')
  to?: string;

  @ApiPropertyOptional({
    enum: COMPARE_MODES,
    description: 'previous_period: as many days just before; previous_week / previous_month / previous_year: the calendar week, month or year before',
  })
  @IsOptional()
  @IsIn([...COMPARE_MODES, null])
  compare?: CompareMode | null;

  @ApiPropertyOptional({ type: [QuerySortDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => QuerySortDto)
  sort?: QuerySortDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  limit?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  totals?: boolean;

  @ApiPropertyOptional({ example: 'created_at', description: 'Date rows by this field instead of the kind’s own (e.g. orders by created_at)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  dateField?: string;

  @ApiPropertyOptional({ example: { gross_margin: 0.4 } })
  @IsOptional()
  @IsObject()
  params?: Record<string, number>;
}
