import type { Role } from '../api/types';

/**
 * What each role works on (issue 14): trainees practise, graders grade (the exercise bank opens
 * each task on its batch tab), operators and admins watch a workspace's dashboard.
 */
export type MenuKey = 'dashboard' | 'reports' | 'monitor' | 'datasets' | 'exercises' | 'metrics' | 'workspaces' | 'users';

/** Roles that open workspace pages (the API's `workspace:read`). */
export const WORKSPACE_ROLES: readonly Role[] = ['admin', 'operator', 'grader'];

/** Side-menu entries a role can open. Graders read workspaces only when they are a member of one. */
export function menuFor(role: Role, hasWorkspaces: boolean): MenuKey[] {
  switch (role) {
    case 'admin':
      return ['dashboard', 'reports', 'monitor', 'datasets', 'exercises', 'metrics', 'workspaces', 'users'];
    case 'operator':
      return ['dashboard', 'reports', 'monitor', 'datasets', 'exercises', 'metrics', 'workspaces'];
    case 'grader':
      return hasWorkspaces ? ['exercises', 'dashboard', 'reports', 'metrics', 'workspaces'] : ['exercises', 'metrics'];
    case 'trainee':
      return ['exercises', 'metrics'];
  }
}

/** Where a role lands after signing in or on `/`. */
export function homeFor(role: Role, workspace: string | null): string {
  if (role === 'trainee' || role === 'grader') return '/exercises';
  return workspace ? `/w/${encodeURIComponent(workspace)}/dashboard` : '/workspaces';
}
