import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Alerts listed by a page of the web app (a workspace with thousands of plans raises thousands). */
export const ALERTS_PAGE = 100;

export class AlertsQueryDto {
  @ApiPropertyOptional({ enum: ['new', 'acknowledged', 'resolved'] })
  @IsOptional()
  @IsIn(['new', 'acknowledged', 'resolved'])
  state?: string;

  @ApiPropertyOptional({ description: 'First alert listed (0: the most urgent)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ maximum: 1000, description: `Alerts listed from offset (default ${ALERTS_PAGE}); without offset and limit, all` })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
