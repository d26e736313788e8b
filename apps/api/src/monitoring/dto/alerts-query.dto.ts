import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

/** Alerts listed by a page of the web app (a workspace with thousands of plans raises thousands); without offset and limit, all. */
export const ALERTS_PAGE = 100;

export class AlertsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['new', 'acknowledged', 'resolved'] })
  @IsOptional()
  @IsIn(['new', 'acknowledged', 'resolved'])
  state?: string;
}
