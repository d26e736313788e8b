import type { Exercise, UnitPolicy } from '../types';

/** The task names the format of its numbers ("以百分数保留2位小数", "百分数表示"). */
const NAMES_FORMAT = /百分数|百分比表示|percent with/i;

/**
 * The exercise's unit policy: as set, else `strict` when the task text names the format (a fraction
 * in a percent column is then a wrong answer), else `lenient` (accepted with a note).
 */
export function unitPolicyOf(exercise: Pick<Exercise, 'unitPolicy' | 'task'>): UnitPolicy {
  if (exercise.unitPolicy) return exercise.unitPolicy;
  return NAMES_FORMAT.test(exercise.task.zh) || NAMES_FORMAT.test(exercise.task.en ?? '') ? 'strict' : 'lenient';
}
