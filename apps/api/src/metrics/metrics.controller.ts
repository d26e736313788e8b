import { RequirePermission } from '../auth/permission.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { metricRegistry } from '@creator-ops/metrics';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  @RequirePermission('user')
  @Get()
  @ApiOperation({ summary: 'The metric dictionary: labels, formulas, units, kinds and skill-standard codes' })
  dictionary() {
    const registry = metricRegistry();
    return {
      items: [...registry.metrics.values()].map((m) => ({
        key: m.key,
        label: m.label,
        description: m.description,
        formula: m.formula,
        kind: m.kind,
        inputs:
          m.kind === 'sum' || m.kind === 'count' || m.kind === 'count_distinct' || m.kind === 'weighted_avg' ? [m.field, m.weight].filter(Boolean) : m.inputs,
        unit: m.unit,
        decimals: m.decimals,
        direction: m.direction,
        kinds: m.kinds,
        standard: m.standard,
        ...(m.rowFilter ? { rowFilter: registry.rowFilters.get(m.rowFilter)!.label } : {}),
      })),
      params: [...registry.params.values()],
    };
  }
}
