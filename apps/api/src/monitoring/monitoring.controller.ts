import { RequirePermission } from '../auth/permission.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ALERTS_PAGE, AlertsQueryDto } from './dto/alerts-query.dto';
import { MonitoringService } from './monitoring.service';
import { CurrentWorkspace } from '../workspaces/current-workspace';
import type { Workspace } from '../workspaces/workspaces.repository';

const RULE_SCHEMA = {
  type: 'object',
  example: {
    metric: 'roi',
    op: 'below_breakeven_roi',
    value: 0,
    dimension: 'plan_id',
    window: 'day',
    grossMargin: 0.3,
    minVolume: { metric: 'cost', min: 100 },
    severity: 'high',
    note: '',
  },
};

/** Rule bodies are validated by libs/monitoring (every problem at once), not by a DTO. */
@ApiTags('monitoring')
@Controller('workspaces/:ws')
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @RequirePermission('workspace:read')
  @Get('alert-rules')
  @ApiOperation({ summary: 'Alert rules of the workspace (default rules are created on first use)' })
  async rules(@CurrentWorkspace() ws: Workspace) {
    return { items: await this.monitoring.rules(ws) };
  }

  @RequirePermission('workspace:write')
  @Post('alert-rules')
  @ApiBody({ schema: RULE_SCHEMA })
  @ApiOperation({ summary: 'Create an alert rule' })
  createRule(@CurrentWorkspace() ws: Workspace, @Body() body: Record<string, unknown>) {
    return this.monitoring.createRule(ws, body);
  }

  @RequirePermission('workspace:write')
  @Patch('alert-rules/:id')
  @ApiBody({ schema: RULE_SCHEMA })
  @ApiOperation({ summary: 'Change an alert rule' })
  updateRule(@CurrentWorkspace() ws: Workspace, @Param('id') id: string, @Body() body: Record<string, unknown>) {
    return this.monitoring.updateRule(ws, id, body);
  }

  @RequirePermission('workspace:write')
  @Delete('alert-rules/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an alert rule' })
  async deleteRule(@CurrentWorkspace() ws: Workspace, @Param('id') id: string): Promise<void> {
    await this.monitoring.deleteRule(ws, id);
  }

  @RequirePermission('workspace:read')
  @Get('alerts')
  @ApiOperation({ summary: 'Alerts, most severe first: all of them, or a page (offset, limit) with their total; the counts by severity' })
  alerts(@CurrentWorkspace() ws: Workspace, @Query() q: AlertsQueryDto) {
    return this.monitoring.alertList(ws, q.state, q.page(ALERTS_PAGE));
  }

  @RequirePermission('workspace:write')
  @Post('alerts/evaluate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Evaluate every rule now (also done after each import)' })
  evaluate(@CurrentWorkspace() ws: Workspace) {
    return this.monitoring.evaluate(ws);
  }

  @RequirePermission('workspace:write')
  @Post('alerts/:id/ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge an alert' })
  ack(@CurrentWorkspace() ws: Workspace, @Param('id') id: string) {
    return this.monitoring.acknowledge(ws, id);
  }

  @RequirePermission('workspace:read')
  @Get('anomalies')
  @ApiQuery({ name: 'metric', required: true, example: 'ctr' })
  @ApiQuery({ name: 'dimension', required: false, example: 'plan_id' })
  @ApiOperation({ summary: 'Daily values far from their own recent median (robust z-score), with the expected band' })
  anomalies(@CurrentWorkspace() ws: Workspace, @Query('metric') metric: string, @Query('dimension') dimension?: string) {
    return this.monitoring.anomalies(ws, metric, dimension || undefined);
  }

  @RequirePermission('workspace:read')
  @Post('pacing')
  @HttpCode(200)
  @ApiBody({ schema: { type: 'object', example: { budgets: [{ dimension: 'plan_id', value: '1780000000000000101', daily: 3000 }] } } })
  @ApiOperation({ summary: 'Spend to date against daily or period budgets' })
  pacing(@CurrentWorkspace() ws: Workspace, @Body() body: { budgets?: unknown[]; asOf?: string }) {
    return this.monitoring.pacing(ws, Array.isArray(body?.budgets) ? body.budgets : [], body?.asOf);
  }

  @RequirePermission('workspace:write')
  @Put('webhook')
  @ApiBody({ schema: { type: 'object', example: { url: 'http://127.0.0.1:9000/hook' } } })
  @ApiOperation({ summary: 'Set (or clear with null) the webhook that receives new alerts' })
  webhook(@CurrentWorkspace() ws: Workspace, @Body() body: { url?: string | null }) {
    return this.monitoring.setWebhook(ws, body?.url ?? null);
  }
}
