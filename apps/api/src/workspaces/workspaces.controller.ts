import { RequirePermission } from '../auth/permission.decorator';
import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { IsIn } from 'class-validator';
import { AuthService } from '../auth/auth.service';
import { principalOf } from '../auth/principal';
import { ROLES } from '../auth/roles';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { WorkspaceSummaryService } from './workspace-summary.service';
import { WorkspacesService } from './workspaces.service';
import { CurrentWorkspace } from './current-workspace';
import type { Workspace } from './workspaces.repository';

export class CreateWorkspaceDto {
  @ApiProperty({ example: '我的店铺' })
  @IsString()
  @MaxLength(64)
  name: string;
}

export class AddMemberDto {
  @ApiProperty()
  @IsString()
  @MaxLength(64)
  username: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: string;
}

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly summaries: WorkspaceSummaryService,
    private readonly auth: AuthService,
  ) {}

  @RequirePermission('user')
  @Get()
  @ApiOperation({ summary: 'Workspaces with their datasets, kinds and date range' })
  async list(@Req() req: Request) {
    const p = principalOf(req)!;
    return { items: await this.summaries.listAll(p.role === 'admin' ? null : new Set(p.memberships.keys())) };
  }

  @RequirePermission('workspace:create')
  @Post()
  @ApiOperation({ summary: 'Create a workspace (409 WORKSPACE_EXISTS when the name is taken); the creator becomes its member' })
  async create(@Body() body: CreateWorkspaceDto, @Req() req: Request) {
    const ws = await this.workspaces.create(body.name);
    const p = principalOf(req)!;
    if (p.role !== 'admin') await this.auth.addMember(ws.id, p.username, p.role);
    return { name: ws.name, createdAt: ws.createdAt.toISOString() };
  }

  @Post(':ws/members')
  @RequirePermission('admin')
  @ApiOperation({ summary: 'Give a user a role in the workspace (admin)' })
  addMember(@CurrentWorkspace() ws: Workspace, @Body() body: AddMemberDto) {
    return this.auth.addMember(ws.id, body.username, body.role);
  }

  @Get(':ws/members')
  @RequirePermission('workspace:read')
  @ApiOperation({ summary: 'Members of the workspace and their roles' })
  async members(@CurrentWorkspace() ws: Workspace) {
    return { items: await this.auth.members(ws.id) };
  }

  @RequirePermission('workspace:read')
  @Get(':ws/summary')
  @ApiOperation({ summary: 'Kinds present (rows, date range), accounts: what filters and reports can offer' })
  summary(@CurrentWorkspace() ws: Workspace) {
    return this.summaries.summary(ws);
  }
}
