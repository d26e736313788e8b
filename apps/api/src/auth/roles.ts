/** Roles and what each may do: data, checked by the one guard (DESIGN §9). */
export const ROLES = ['admin', 'operator', 'grader', 'trainee'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Anyone, signed in or not. */
  'public',
  /** Any signed-in user. */
  'user',
  /** Administration: users, every workspace. */
  'admin',
  'workspace:create',
  /** Read a workspace's data, reports, alerts (checked against the `:ws` membership). */
  'workspace:read',
  /** Upload/delete data, change alert rules (checked against the `:ws` membership). */
  'workspace:write',
  'exercise:read',
  'exercise:submit',
  /** Answer keys and other trainees' submissions. */
  'exercise:key',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Permissions a role grants; workspace permissions apply in the workspaces the user is a member of. */
export const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  admin: [...PERMISSIONS],
  operator: ['public', 'user', 'workspace:create', 'workspace:read', 'workspace:write', 'exercise:read', 'exercise:submit'],
  grader: ['public', 'user', 'workspace:read', 'exercise:read', 'exercise:submit', 'exercise:key'],
  trainee: ['public', 'user', 'exercise:read', 'exercise:submit'],
};

export const WORKSPACE_PERMISSIONS: ReadonlySet<Permission> = new Set(['workspace:read', 'workspace:write']);

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}
