import { RequirePermission } from '../auth/permission.decorator';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueryDto } from './dto/query.dto';
import { QueryService } from './query.service';
import { CurrentWorkspace } from '../workspaces/current-workspace';
import type { Workspace } from '../workspaces/workspaces.repository';

@ApiTags('query')
@Controller('workspaces/:ws/query')
export class QueryController {
  constructor(private readonly queries: QueryService) {}

  @RequirePermission('workspace:read')
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Metrics × dimensions × filters × period (× comparison) over the workspace data' })
  query(@CurrentWorkspace() ws: Workspace, @Body() spec: QueryDto) {
    return this.queries.query(ws, spec);
  }
}
