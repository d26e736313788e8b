import type { Role } from './roles';

/** Who is calling: a signed-in user with a global role and per-workspace roles. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  /** workspace id -> role in it */
  memberships: Map<string, Role>;
  /** The local CLI acts as the admin of its DATA_DIR. */
  local?: boolean;
}

export const LOCAL_ADMIN: Principal = { userId: 'local', username: 'local-admin', role: 'admin', memberships: new Map(), local: true };

const PRINCIPAL = Symbol('principal');

export function setPrincipal(req: object, p: Principal | null): void {
  (req as Record<symbol, unknown>)[PRINCIPAL] = p;
}

export function principalOf(req: object): Principal | null {
  return ((req as Record<symbol, unknown>)[PRINCIPAL] as Principal | undefined) ?? null;
}
