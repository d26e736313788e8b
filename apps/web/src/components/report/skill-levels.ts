/** Skill levels of the standard's codes ('中级 3.1.7' -> '中级'), lowest first. */
export const LEVELS = ['初级', '中级', '高级'] as const;
export type Level = (typeof LEVELS)[number];

const LEVEL_TAG: Record<Level, 'success' | 'primary' | 'danger'> = { 初级: 'success', 中级: 'primary', 高级: 'danger' };

export function levelOf(code: string): Level | null {
  return LEVELS.find((level) => code.trim().startsWith(level)) ?? null;
}

/** el-tag type of a code: one colour per level. */
export function levelTag(code: string): 'success' | 'primary' | 'danger' | 'info' {
  const level = levelOf(code);
  return level ? LEVEL_TAG[level] : 'info';
}

/** The lowest level a report serves: where the catalogue lists it (its other codes show as tags). */
export function entryLevel(codes: string[]): Level | null {
  const levels = codes.map(levelOf);
  return LEVELS.find((level) => levels.includes(level)) ?? null;
}
