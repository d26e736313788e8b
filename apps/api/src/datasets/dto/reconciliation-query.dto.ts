import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A stretch of an ad import's disagreements (rows in line order, then the total row's); without either, the report's list. */
export class ReconciliationQueryDto {
  @ApiPropertyOptional({ description: 'First disagreement listed (0: the first)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ maximum: 1000, description: 'Disagreements listed from offset (default 200)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
