import { RequirePermission } from '../auth/permission.decorator';
import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReportQueryDto } from './dto/report-query.dto';
import { ReportsService } from './reports.service';
import { CurrentWorkspace } from '../workspaces/current-workspace';
import type { Workspace } from '../workspaces/workspaces.repository';

const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

@ApiTags('reports')
@Controller('workspaces/:ws/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @RequirePermission('workspace:read')
  @Get()
  @ApiOperation({ summary: 'The report catalogue, with what each report needs and whether the workspace has it' })
  catalogue(@CurrentWorkspace() ws: Workspace) {
    return this.reports.catalogue(ws);
  }

  @RequirePermission('workspace:read')
  @Get(':key')
  @ApiOperation({ summary: 'One report: KPIs, tables and chart-ready ECharts options' })
  report(@CurrentWorkspace() ws: Workspace, @Param('key') key: string, @Query() q: ReportQueryDto) {
    return this.reports.report(ws, key, q);
  }

  @RequirePermission('workspace:read')
  @Get(':key/charts/:chart.svg')
  @ApiOperation({ summary: 'A chart rendered server-side as SVG' })
  @ApiProduces('image/svg+xml')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  async svg(@CurrentWorkspace() ws: Workspace, @Param('key') key: string, @Param('chart') chart: string, @Query() q: ReportQueryDto) {
    return this.reports.chart(ws, key, chart, 'svg', q);
  }

  @RequirePermission('workspace:read')
  @Get(':key/charts/:chart.png')
  @ApiOperation({ summary: 'A chart rendered server-side as PNG' })
  @ApiProduces('image/png')
  async png(@CurrentWorkspace() ws: Workspace, @Param('key') key: string, @Param('chart') chart: string, @Query() q: ReportQueryDto, @Res() res: Response) {
    const png = await this.reports.chart(ws, key, chart, 'png', q);
    res.type('image/png').send(png);
  }

  @RequirePermission('workspace:read')
  @Get(':key/export.xlsx')
  @ApiOperation({ summary: 'The report as a workbook: a sheet per table, chart images, provenance' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async xlsx(@CurrentWorkspace() ws: Workspace, @Param('key') key: string, @Query() q: ReportQueryDto, @Res() res: Response) {
    const { body, fileName } = await this.reports.xlsx(ws, key, q);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').setHeader('Content-Disposition', contentDisposition(fileName));
    res.send(body);
  }

  @RequirePermission('workspace:read')
  @Get(':key/export.csv')
  @ApiOperation({ summary: 'One table of the report as CSV (UTF-8 with BOM)' })
  @ApiProduces('text/csv')
  async csv(@CurrentWorkspace() ws: Workspace, @Param('key') key: string, @Query() q: ReportQueryDto, @Res() res: Response) {
    const { table, ...input } = q;
    const { body, fileName } = await this.reports.csv(ws, key, table, input);
    res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', contentDisposition(fileName));
    res.send(body);
  }
}
