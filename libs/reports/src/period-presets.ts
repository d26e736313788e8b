/** The report periods a person picks (counted back from the workspace's latest data day, libs/reports params.ts). */
export const PERIOD_PRESETS = ['last7', 'last30', 'this_month', 'last_month', 'all', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
