import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Request } from 'express';
import { RequirePermission } from '../auth/permission.decorator';
import { principalOf } from '../auth/principal';
import { CurrentWorkspace } from '../workspaces/current-workspace';
import type { Workspace } from '../workspaces/workspaces.repository';
import { AssignmentsService } from './assignments.service';

export class AssignDto {
  @ApiPropertyOptional({
    enum: ['practice', 'exam'],
    description: 'practice: right/wrong per cell, expected values after `revealAfter` tries; exam: the score until released',
  })
  @IsOptional()
  @IsIn(['practice', 'exam'])
  mode?: string;
  @ApiPropertyOptional({ default: 3 }) @IsOptional() @IsInt() @Min(1) @Max(100) revealAfter?: number;
}

/** Exercises assigned to classes (workspaces) with a feedback policy, by the class's graders. */
@ApiTags('exercises')
@Controller('exercises/:id/assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @RequirePermission('exercise:read')
  @ApiOperation({ summary: 'The classes (workspaces) of one’s own the exercise is assigned to, with their feedback policy' })
  async list(@Param('id') id: string, @Req() req: Request) {
    return { items: await this.assignments.list(principalOf(req)!, id) };
  }

  @Put(':ws')
  @RequirePermission('exercise:key')
  @ApiOperation({ summary: 'Assign the exercise to a workspace, or change its feedback policy there (graders of that workspace)' })
  assign(@Param('id') id: string, @CurrentWorkspace() ws: Workspace, @Body() body: AssignDto, @Req() req: Request) {
    return this.assignments.assign(principalOf(req)!, id, ws, body);
  }

  @Post(':ws/release')
  @HttpCode(200)
  @RequirePermission('exercise:key')
  @ApiOperation({ summary: 'Release exam results to the workspace’s trainees' })
  release(@Param('id') id: string, @CurrentWorkspace() ws: Workspace, @Req() req: Request) {
    return this.assignments.release(principalOf(req)!, id, ws);
  }

  @Delete(':ws')
  @HttpCode(204)
  @RequirePermission('exercise:key')
  @ApiOperation({ summary: 'Withdraw the exercise from a workspace' })
  async unassign(@Param('id') id: string, @CurrentWorkspace() ws: Workspace, @Req() req: Request): Promise<void> {
    await this.assignments.unassign(principalOf(req)!, id, ws);
  }
}
