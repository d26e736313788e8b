import { RequirePermission } from '../auth/permission.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

@ApiTags('health')
@Controller('health')
export class HealthController {
  @RequirePermission('public')
  @Get()
  health() {
    return { status: 'ok' };
  }
}
