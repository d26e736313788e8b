import type { ReportDefinition } from './types';

/** The report catalogue (DESIGN §6): definitions as data with pure builders. */
export const REPORTS: ReportDefinition[] = [];
