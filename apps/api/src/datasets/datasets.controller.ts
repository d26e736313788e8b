import { RequirePermission } from '../auth/permission.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { UploadThrottleGuard } from '../auth/upload-throttle.guard';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rm } from 'node:fs/promises';
import { ValidationError } from '../common/app-error';
import { mapDatasetDetail, mapDatasetSummary } from './dataset.mapper';
import { DatasetsService } from './datasets.service';
import { RECONCILIATION_LIST_LIMIT } from '@creator-ops/query';
import { PageQueryDto } from '../common/page-query.dto';
import { RowsQueryDto } from './dto/rows-query.dto';
import { UploadDatasetDto } from './dto/upload-dataset.dto';
import { CurrentWorkspace } from '../workspaces/current-workspace';
import type { Workspace } from '../workspaces/workspaces.repository';

@ApiTags('datasets')
@Controller('workspaces/:ws/datasets')
export class DatasetsController {
  constructor(private readonly datasets: DatasetsService) {}

  @RequirePermission('workspace:write')
  @Post()
  @ApiOperation({ summary: 'Import an export file (multipart `file`); returns the import report' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        kind: { type: 'string' },
        account: { type: 'string' },
        date: { type: 'string', description: 'YYYY-MM-DD' },
        encoding: { type: 'string' },
        sheet: { type: 'string' },
      },
    },
  })
  @UseGuards(UploadThrottleGuard)
  @UseInterceptors(FileInterceptor('file'))
  async upload(@Param('ws') name: string, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: UploadDatasetDto) {
    if (!file) throw new ValidationError('FILE_REQUIRED');
    try {
      const { dataset, report } = await this.datasets.import(name, { path: file.path, fileName: file.originalname, ...body });
      return { ...mapDatasetSummary(dataset), report };
    } finally {
      await rm(file.path, { force: true });
    }
  }

  @RequirePermission('workspace:read')
  @Get()
  @ApiOperation({ summary: 'List the imports of a workspace' })
  async list(@CurrentWorkspace() ws: Workspace) {
    return { items: (await this.datasets.list(ws)).map(mapDatasetSummary) };
  }

  @RequirePermission('workspace:read')
  @Get(':id')
  @ApiOperation({ summary: 'One import with its report and schema' })
  async get(@CurrentWorkspace() ws: Workspace, @Param('id') id: string) {
    return mapDatasetDetail(await this.datasets.get(ws, id));
  }

  @RequirePermission('workspace:read')
  @Get(':id/rows')
  @ApiOperation({ summary: 'Preview the rows of one import' })
  rows(@CurrentWorkspace() ws: Workspace, @Param('id') id: string, @Query() q: RowsQueryDto) {
    return this.datasets.rows(ws, id, q.offset, q.limit);
  }

  @RequirePermission('workspace:read')
  @Get(':id/reconciliation')
  @ApiOperation({
    summary:
      "Ad exports: the platform's ratios recomputed per row and for the total row; every disagreement beyond rounding counted, the first 200 rows' listed (offset and limit list any stretch)",
  })
  reconciliation(@CurrentWorkspace() ws: Workspace, @Param('id') id: string, @Query() q: PageQueryDto) {
    return this.datasets.reconciliation(ws, id, q.page(RECONCILIATION_LIST_LIMIT));
  }

  @RequirePermission('workspace:write')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one import (its rows leave the workspace tables)' })
  async remove(@CurrentWorkspace() ws: Workspace, @Param('id') id: string): Promise<void> {
    await this.datasets.remove(ws, id);
  }
}
