import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EXPORT_KINDS, type ExportKind } from '@creator-ops/schemas';

export const ENCODING_CHOICES = ['utf-8', 'utf8', 'gbk', 'gb18030', 'gb2312', 'utf-16le', 'utf-16be'] as const;

export class UploadDatasetDto {
  @ApiPropertyOptional({ enum: EXPORT_KINDS, description: 'Export kind; detected from the headers when absent' })
  @IsOptional()
  @IsIn(EXPORT_KINDS)
  kind?: ExportKind;

  @ApiPropertyOptional({ description: 'Account name for exports without an account column' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  account?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD: the day of an export without a date column (otherwise taken from the file name when it names one day)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date?: string;

  @ApiPropertyOptional({ enum: ENCODING_CHOICES, description: 'Text encoding; detected when absent' })
  @IsOptional()
  @IsIn(ENCODING_CHOICES)
  encoding?: string;

  @ApiPropertyOptional({ description: 'xlsx: sheet name or 1-based index; otherwise the sheet whose headers match best' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sheet?: string;
}
