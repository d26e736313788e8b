import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { WorkspaceSummaryService } from './workspace-summary.service';
import { WorkspacesService } from './workspaces.service';

export class CreateWorkspaceDto {
  @ApiProperty({ example: '我的店铺' })
  @IsString()
  @MaxLength(64)
  name: string;
}

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly summaries: WorkspaceSummaryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Workspaces with their datasets, kinds and date range' })
  async list() {
    return { items: await this.summaries.listAll() };
  }

  @Post()
  @ApiOperation({ summary: 'Create a workspace' })
  async create(@Body() body: CreateWorkspaceDto) {
    const ws = await this.workspaces.ensure(body.name);
    return { name: ws.name, createdAt: ws.createdAt.toISOString() };
  }

  @Get(':ws/summary')
  @ApiOperation({ summary: 'Kinds present (rows, date range), accounts: what filters and reports can offer' })
  summary(@Param('ws') ws: string) {
    return this.summaries.summary(ws);
  }
}
