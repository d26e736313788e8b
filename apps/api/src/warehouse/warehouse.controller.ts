import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequirePermission } from '../auth/permission.decorator';
import { WarehouseService } from './warehouse.service';
import { CurrentWorkspace } from '../workspaces/current-workspace';
import type { Workspace } from '../workspaces/workspaces.repository';

@ApiTags('datasets')
@Controller('workspaces/:ws/datasets')
export class WarehouseController {
  constructor(private readonly warehouse: WarehouseService) {}

  @RequirePermission('workspace:read')
  @Get(':id/export.parquet')
  @ApiProduces('application/vnd.apache.parquet')
  @ApiOperation({ summary: 'One import as Parquet (money DECIMAL(18,2) yuan, DATE, local TIMESTAMP in the business time zone, ids as strings)' })
  async parquet(@CurrentWorkspace() ws: Workspace, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const dir = mkdtempSync(join(tmpdir(), 'creator-ops-parquet-'));
    try {
      const file = await this.warehouse.exportDataset(ws, id, join(dir, `${id}.parquet`));
      const stream = createReadStream(file.path);
      stream.on('close', () => rmSync(dir, { recursive: true, force: true }));
      res.set({
        'Content-Type': 'application/vnd.apache.parquet',
        'Content-Disposition': `attachment; filename="${id}.parquet"`,
        'Content-Length': String(file.bytes),
      });
      return new StreamableFile(stream);
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }
}
