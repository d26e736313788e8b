import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A stretch of a long list (`offset`, `limit`); without either, the endpoint's whole or usual list. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'First item listed (0: the first)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ maximum: 1000, description: 'Items listed from offset' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  /** The page asked for, its limit `defaultLimit` when only the offset is given; undefined when neither is. */
  page(defaultLimit: number): { offset: number; limit: number } | undefined {
    return this.offset === undefined && this.limit === undefined ? undefined : { offset: this.offset ?? 0, limit: this.limit ?? defaultLimit };
  }
}
