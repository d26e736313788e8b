import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import type { Principal } from '../auth/principal';
import type { Role } from '../auth/roles';
import { WorkspacesRepository, type Workspace } from '../workspaces/workspaces.repository';
import { AssignmentsRepository, type Assignment } from './assignments.repository';

/** Membership roles that grade in a workspace: they see its submissions and the keys of its exercises. */
const GRADING_ROLES: ReadonlySet<Role> = new Set(['grader', 'admin']);

/**
 * Who sees which exercise (DESIGN §9): exercises are assigned to workspaces (classes); members see
 * the exercises of their workspaces, graders of a workspace see its submissions and keys; admins
 * see everything. An exercise one may not see answers 404, as if it did not exist.
 */
@Injectable()
export class ExerciseAccessService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly workspaces: WorkspacesRepository,
  ) {}

  /** Workspaces whose exercises `p` sees (null: all, for admins). */
  memberOf(p: Principal): string[] | null {
    return p.role === 'admin' ? null : [...p.memberships.keys()];
  }

  /** Workspaces where `p` grades (null: all, for admins). */
  gradesIn(p: Principal): string[] | null {
    return p.role === 'admin' ? null : [...p.memberships].filter(([, role]) => GRADING_ROLES.has(role)).map(([id]) => id);
  }

  /** Ids of the exercises `p` sees (null: every exercise). */
  async visibleExercises(p: Principal): Promise<Set<string> | null> {
    const scope = this.memberOf(p);
    if (!scope) return null;
    return new Set((await this.assignments.inWorkspaces(scope)).map((a) => a.exerciseId));
  }

  /** The caller's assignments of an exercise; 404 when it has none (admins see every exercise). */
  async assertVisible(p: Principal, exerciseId: string): Promise<Assignment[]> {
    const scope = this.memberOf(p);
    const found = await this.assignments.inWorkspaces(scope, exerciseId);
    if (!scope) return found;
    if (!found.length) throw notFound(exerciseId);
    return found;
  }

  /** Keys and batch grading: an admin, or a grader of a workspace the exercise is assigned to. */
  async assertGrader(p: Principal, exerciseId: string): Promise<void> {
    await this.assertVisible(p, exerciseId);
    const scope = this.gradesIn(p);
    if (scope && !(await this.assignments.inWorkspaces(scope, exerciseId)).length) throw new AppError('FORBIDDEN', HttpStatus.FORBIDDEN);
  }

  /** Whether `p` sees everything of submissions made in `workspaceId` (a grader there, or an admin). */
  gradesWorkspace(p: Principal, workspaceId: string | null): boolean {
    if (p.role === 'admin') return true;
    const role = workspaceId ? p.memberships.get(workspaceId) : undefined;
    return role !== undefined && GRADING_ROLES.has(role);
  }

  /**
   * The assignment an answer is submitted under: the one named by `workspace`, or the caller's
   * only one. Admins may try an unassigned exercise (null).
   */
  async submissionTarget(p: Principal, exerciseId: string, workspace?: string): Promise<Assignment | null> {
    const mine = await this.assertVisible(p, exerciseId);
    if (workspace) {
      const ws = await this.workspaces.findByName(workspace);
      const a = ws ? mine.find((x) => x.workspaceId === ws.id) : undefined;
      if (!a) throw notFound(exerciseId);
      return a;
    }
    if (p.role === 'admin') return null;
    if (mine.length === 1) return mine[0];
    const names = await Promise.all(mine.map(async (a) => (await this.workspaces.findById(a.workspaceId))?.name ?? a.workspaceId));
    throw new AppError('WORKSPACE_REQUIRED', HttpStatus.BAD_REQUEST, { choices: names.join(', ') });
  }

  /** Assigning, changing the policy of and releasing an exercise in `workspace`: its graders and admins. Returns its id. */
  assertManages(p: Principal, workspace: Workspace): string {
    if (!this.gradesWorkspace(p, workspace.id)) throw new AppError('FORBIDDEN', HttpStatus.FORBIDDEN);
    return workspace.id;
  }
}

export function notFound(exerciseId: string): AppError {
  return new AppError('EXERCISE_NOT_FOUND', HttpStatus.NOT_FOUND, { id: String(exerciseId).slice(0, 128) });
}
