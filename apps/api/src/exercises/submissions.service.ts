import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import {
  DEFAULT_REVEAL_AFTER,
  feedbackFor,
  gradeSubmission,
  parseSubmission,
  SubmissionError,
  type FeedbackPolicy,
  type GradeResult,
} from '@creator-ops/grading';
import { AppError, tooManyRequests } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Principal } from '../auth/principal';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';
import type { Assignment } from './assignments.repository';
import { AssignmentsRepository } from './assignments.repository';
import { ExerciseAccessService } from './exercise-access.service';
import { ExercisesService } from './exercises.service';
import type { SubmissionEntity } from './submission.entity';
import { SubmissionsRepository } from './submissions.repository';
import { RATE_LIMIT_STORE, takeMinuteSlot, type RateLimitStore } from '../coordination/rate-limit-store';
import { isEmptyAnswer, looksBinary } from './submission-rules';

/**
 * Answers graded and kept. What the submitter sees follows the assignment's feedback policy
 * (practice / exam, see @creator-ops/grading feedbackFor); graders of the class and admins see all.
 * Empty answers are refused and still count as a try; tries are rate-limited per user and exercise.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly exercises: ExercisesService,
    private readonly access: ExerciseAccessService,
    private readonly repo: SubmissionsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly workspaces: WorkspacesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMIT_STORE) private readonly limits: RateLimitStore,
  ) {}

  async submit(p: Principal, id: string, file: { bytes: Buffer; fileName: string }, workspace?: string) {
    const exercise = this.exercises.find(id);
    const target = await this.access.submissionTarget(p, id, workspace);
    const wait = await takeMinuteSlot(this.limits, `submission:${p.userId}\u0001${exercise.id}`, this.config.submissionsPerMinute);
    if (wait > 0) throw tooManyRequests('TOO_MANY_SUBMISSIONS', wait);
    const key = await this.exercises.keyOf(exercise);
    if (looksBinary(file.bytes)) throw new AppError('SUBMISSION_UNREADABLE', HttpStatus.UNPROCESSABLE_ENTITY);
    const base = {
      exerciseId: exercise.id,
      userId: p.userId,
      username: p.username,
      workspaceId: target?.workspaceId ?? null,
      fileName: basename(file.fileName).slice(0, 200),
    };
    const submission = await parseSubmission(file.bytes, file.fileName).catch((e) => {
      if (e instanceof SubmissionError && e.code === 'SUBMISSION_EMPTY') return null;
      throw e;
    });
    if (!submission || isEmptyAnswer(submission)) {
      await this.repo.save({ id: randomUUID(), ...base, score: 0, maxScore: key.maxScore, result: null, refused: 'EMPTY_ANSWER' });
      const tries = await this.repo.tries(exercise.id, p.userId, base.workspaceId);
      throw new AppError('EMPTY_ANSWER', HttpStatus.UNPROCESSABLE_ENTITY, {}, { tries });
    }
    const result = gradeSubmission(exercise, key, submission);
    const saved = await this.repo.save({ id: randomUUID(), ...base, score: result.score, maxScore: result.maxScore, result, refused: null });
    const tries = await this.repo.tries(exercise.id, p.userId, base.workspaceId);
    return { id: saved.id, ...this.present(p, result, target, tries, base.workspaceId) };
  }

  /** One's own submissions (as one's feedback policy shows them); graders: also those of their classes; admins: all. */
  async list(p: Principal, id: string) {
    const exercise = this.exercises.find(id);
    await this.access.assertVisible(p, id);
    const grades = this.access.gradesIn(p);
    const rows =
      grades === null
        ? await this.repo.list(exercise.id)
        : [...(grades.length ? await this.repo.list(exercise.id, { workspaceIds: grades }) : []), ...(await this.repo.list(exercise.id, { userId: p.userId }))];
    const unique = [...new Map(rows.map((r) => [r.id, r])).values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const policies = new Map<string, Assignment | null>();
    const tries = new Map<string, number>();
    const out = [];
    for (const s of unique) {
      const ws = s.workspaceId ?? '';
      if (!policies.has(ws)) policies.set(ws, s.workspaceId ? await this.assignments.one(exercise.id, s.workspaceId) : null);
      const triesKey = `${s.userId}\u0001${ws}`;
      if (!tries.has(triesKey)) tries.set(triesKey, await this.repo.tries(exercise.id, s.userId, s.workspaceId));
      out.push(await this.item(p, s, policies.get(ws) ?? null, tries.get(triesKey)!));
    }
    return out;
  }

  private async item(p: Principal, s: SubmissionEntity, assignment: Assignment | null, tries: number) {
    const workspace = s.workspaceId ? ((await this.workspaces.findById(s.workspaceId))?.name ?? null) : null;
    const result = s.result ? this.present(p, s.result as GradeResult, assignment, tries, s.workspaceId) : null;
    return {
      id: s.id,
      username: s.username,
      workspace,
      fileName: s.fileName,
      score: s.score,
      maxScore: s.maxScore,
      refused: s.refused ?? null,
      createdAt: s.createdAt.toISOString(),
      result,
    };
  }

  /**
   * The full result for the class's graders and admins; the policy's view for everyone else (an
   * assignment since withdrawn falls back to the practice default, never to the full key).
   */
  private present(p: Principal, result: GradeResult, assignment: Assignment | null, tries: number, workspaceId: string | null) {
    if (this.access.gradesWorkspace(p, workspaceId)) return result;
    const policy: FeedbackPolicy = !assignment
      ? { mode: 'practice', revealAfter: DEFAULT_REVEAL_AFTER }
      : assignment.mode === 'exam'
        ? { mode: 'exam', released: assignment.releasedAt !== null }
        : { mode: 'practice', revealAfter: assignment.revealAfter };
    return feedbackFor(result, policy, tries);
  }
}
