import { accountOverviewReport } from './definitions/account-overview.report';
import { adPerformanceReport } from './definitions/ad-performance.report';
import { contentRankingReport } from './definitions/content-ranking.report';
import { dashboardReport } from './definitions/dashboard.report';
import { liveReviewReport } from './definitions/live-review.report';
import { reviewAnalysisReport } from './definitions/review-analysis.report';
import { stockHealthReport } from './definitions/stock-health.report';
import { surveySummaryReport } from './definitions/survey-summary.report';
import { xingtuCreatorsReport } from './definitions/xingtu-creators.report';
import { adTargetingReport } from './definitions/ad-targeting.report';
import { cohortRetentionReport } from './definitions/cohort-retention.report';
import { competitorTrackingReport } from './definitions/competitor-tracking.report';
import { marketingMixReport } from './definitions/marketing-mix.report';
import { matrixAccountsReport } from './definitions/matrix-accounts.report';
import { rfmReport } from './definitions/rfm.report';
import { roiPlannerReport } from './definitions/roi-planner.report';
import { salesReport } from './definitions/sales-report.report';
import type { ReportDefinition } from './types';

/** The report catalogue (DESIGN §6): definitions as data with pure builders. */
export const REPORTS: ReportDefinition[] = [
  dashboardReport,
  accountOverviewReport,
  contentRankingReport,
  adPerformanceReport,
  salesReport,
  rfmReport,
  matrixAccountsReport,
  roiPlannerReport,
  liveReviewReport,
  reviewAnalysisReport,
  stockHealthReport,
  surveySummaryReport,
  xingtuCreatorsReport,
  adTargetingReport,
  competitorTrackingReport,
  cohortRetentionReport,
  marketingMixReport,
];
