import { HttpStatus, Injectable } from '@nestjs/common';
import { DEFAULT_REVEAL_AFTER } from '@creator-ops/grading';
import { AppError } from '../common/app-error';
import type { Principal } from '../auth/principal';
import { Clock } from '../platform/clock';
import { WorkspacesRepository, type Workspace } from '../workspaces/workspaces.repository';
import { AssignmentsRepository, type Assignment } from './assignments.repository';
import { ExerciseAccessService, notFound } from './exercise-access.service';
import { ExercisesService } from './exercises.service';

export interface AssignmentView {
  workspace: string;
  mode: 'practice' | 'exam';
  revealAfter: number;
  released: boolean;
  releasedAt: string | null;
}

/** Exercises given to classes (workspaces) and their feedback policy there, set by the class's graders. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly repo: AssignmentsRepository,
    private readonly access: ExerciseAccessService,
    private readonly exercises: ExercisesService,
    private readonly workspaces: WorkspacesRepository,
    private readonly clock: Clock,
  ) {}

  async list(p: Principal, exerciseId: string): Promise<AssignmentView[]> {
    this.exercises.find(exerciseId);
    return this.views(await this.access.assertVisible(p, exerciseId));
  }

  /** Assigns the exercise to the workspace, or changes its policy there. */
  async assign(p: Principal, exerciseId: string, workspace: Workspace, policy: { mode?: string; revealAfter?: number }): Promise<AssignmentView> {
    this.exercises.find(exerciseId);
    const workspaceId = this.access.assertManages(p, workspace);
    if (policy.mode !== undefined && policy.mode !== 'practice' && policy.mode !== 'exam')
      throw new AppError('INVALID_FEEDBACK_POLICY', HttpStatus.BAD_REQUEST, { problems: `mode ${policy.mode}` });
    const existing = await this.repo.one(exerciseId, workspaceId);
    const mode = (policy.mode ?? existing?.mode ?? 'practice') as Assignment['mode'];
    const saved = await this.repo.save({
      exerciseId,
      workspaceId,
      mode,
      revealAfter: policy.revealAfter ?? existing?.revealAfter ?? DEFAULT_REVEAL_AFTER,
      // Switching to exam hides results again until they are released.
      releasedAt: existing && existing.mode === mode ? existing.releasedAt : null,
    });
    return (await this.views([saved]))[0];
  }

  /** Exam results become visible to the class's trainees (cells, expected values, diagnoses). */
  async release(p: Principal, exerciseId: string, workspace: Workspace): Promise<AssignmentView> {
    const workspaceId = this.access.assertManages(p, workspace);
    const existing = await this.repo.one(exerciseId, workspaceId);
    if (!existing) throw notFound(exerciseId);
    return (await this.views([await this.repo.save({ ...existing, releasedAt: this.clock.now() })]))[0];
  }

  async unassign(p: Principal, exerciseId: string, workspace: Workspace): Promise<void> {
    const workspaceId = this.access.assertManages(p, workspace);
    if (!(await this.repo.remove(exerciseId, workspaceId))) throw notFound(exerciseId);
  }

  async views(list: Assignment[]): Promise<AssignmentView[]> {
    const out: AssignmentView[] = [];
    for (const a of list) {
      const ws = await this.workspaces.findById(a.workspaceId);
      if (ws)
        out.push({
          workspace: ws.name,
          mode: a.mode,
          revealAfter: a.revealAfter,
          released: a.releasedAt !== null,
          releasedAt: a.releasedAt ? new Date(a.releasedAt).toISOString() : null,
        });
    }
    return out;
  }
}
