/** What main needs to describe a failure beyond usage and configuration, loaded only when a command fails. */
export { ReportParamError } from '@creator-ops/reports';
export { isDiskFull, translateError } from '@creator-ops/core/light';
