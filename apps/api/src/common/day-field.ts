import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An optional calendar day in a request body or query (`from`, `to`, `reference_date`): documented
 * with an example, rejected with "<field> must be YYYY-MM-DD" unless it has that shape.
 */
export function OptionalDay(example: string): PropertyDecorator {
  return (target, key) =>
    applyDecorators(ApiPropertyOptional({ example }), IsOptional(), Matches(DAY, { message: `${String(key)} must be YYYY-MM-DD` }))(target, key);
}
