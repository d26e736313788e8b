import { FixedClock } from '../platform/clock';
import type { Principal } from '../auth/principal';
import type { Workspace } from '../workspaces/workspaces.repository';
import type { Assignment, AssignmentsRepository } from './assignments.repository';
import { AssignmentsService } from './assignments.service';
import { ExerciseAccessService } from './exercise-access.service';
import type { ExercisesService } from './exercises.service';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';

const CLASS: Workspace = { id: 'ws-1', name: 'class-a', createdAt: new Date('2026-01-01T00:00:00Z') };
const OTHER: Workspace = { id: 'ws-2', name: 'class-b', createdAt: new Date('2026-01-01T00:00:00Z') };
const grader: Principal = { userId: 'u1', username: 'teacher', role: 'operator', memberships: new Map([['ws-1', 'grader']]) };

function setup(stored: Assignment[]) {
  const rows = new Map(stored.map((a) => [`${a.exerciseId}|${a.workspaceId}`, a]));
  const repo = {
    one: async (e: string, w: string) => rows.get(`${e}|${w}`) ?? null,
    save: async (a: Assignment) => (rows.set(`${a.exerciseId}|${a.workspaceId}`, a), a),
  } as unknown as AssignmentsRepository;
  const workspaces = { findById: async (id: string) => [CLASS, OTHER].find((w) => w.id === id) ?? null } as unknown as WorkspacesRepository;
  const access = new ExerciseAccessService(repo, workspaces);
  const exercises = { find: () => ({}) } as unknown as ExercisesService;
  const clock = new FixedClock(new Date('2026-11-02T08:30:00Z'));
  return { service: new AssignmentsService(repo, access, exercises, workspaces, clock), rows };
}

describe('AssignmentsService', () => {
  it('releases an exam at the injected clock’s time, for the workspace the route resolved', async () => {
    const { service, rows } = setup([{ exerciseId: 'T1', workspaceId: 'ws-1', mode: 'exam', revealAfter: 3, releasedAt: null }]);
    const view = await service.release(grader, 'T1', CLASS);
    expect(view).toEqual({ workspace: 'class-a', mode: 'exam', revealAfter: 3, released: true, releasedAt: '2026-11-02T08:30:00.000Z' });
    expect(rows.get('T1|ws-1')!.releasedAt).toEqual(new Date('2026-11-02T08:30:00Z'));
  });

  it('refuses a grader of another workspace (403 FORBIDDEN)', async () => {
    const { service } = setup([{ exerciseId: 'T1', workspaceId: 'ws-2', mode: 'exam', revealAfter: 3, releasedAt: null }]);
    await expect(service.release(grader, 'T1', OTHER)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
