export * from './types';
export { DIAGNOSES, CATALOGUE, codesDetectedBy, diagnosis, type Diagnosis, type DiagnosisCode, type CatalogueEntry, type DetectorKind } from './messages';
export {
  loadExercise,
  listExercises,
  findExercise,
  datasetPath,
  exampleAnswerPath,
  publicExercise,
  ExerciseError,
  type PublicExercise,
} from './exercises/loader';
export { validateExercise } from './exercises/validate';
export { loadExerciseData } from './exercises/data';
export { answerKey } from './key/answer-key';
export { buildKeyTable, type ExerciseData, type TableVariant } from './key/build-key';
export { presentKey, keyToCsv, headerLabel } from './key/present';
export { parseSubmission, MAX_SUBMISSION_BYTES, type Submission, type SubmissionFormat } from './submission/parse';
export { SubmissionError } from './submission/errors';
export { parseCell } from './submission/values';
export { normaliseKey } from './submission/keys';
export { gradeSubmission, type GradeResult, type CellVerdict, type RowVerdict, type DiagnosisSummary } from './grade/grade';
export { withinRounding, roundHalfEven, roundHalfUp, truncate } from './grade/numbers';
export { gradeBatch, PASS_RATIO, type BatchInput, type BatchResult, type BatchItem, type BatchStudent } from './batch/batch';
export { batchToCsv, batchToXlsx, itemAnalysisToCsv } from './batch/export';
export { feedbackFor, DEFAULT_REVEAL_AFTER, type FeedbackPolicy, type FeedbackState, type TraineeFeedback, type HiddenCellVerdict } from './grade/feedback';
