import { computed, ref } from 'vue';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { CurrentUser, Role } from '../api/types';
import { homeFor } from '../lib/home';
import { forgetAlertSummaries } from './alerts';
import { lastWorkspace, resetWorkspaceCache } from './workspaces';

/** The signed-in user (null: not signed in, or not known yet). */
const user = ref<CurrentUser | null>(null);
let mePromise: Promise<CurrentUser | null> | null = null;

/**
 * `GET /api/auth/me`, once per page load: a 401 means "not signed in". Other failures (server down)
 * are not remembered, so the next navigation asks again.
 */
export function loadMe(): Promise<CurrentUser | null> {
  if (!mePromise) {
    mePromise = api.me().then(
      (me) => (user.value = me),
      (e: unknown) => {
        mePromise = null;
        if (e instanceof ApiError && e.status === 401) mePromise = Promise.resolve(null);
        user.value = null;
        return null;
      },
    );
  }
  return mePromise;
}

export async function signIn(username: string, password: string): Promise<CurrentUser> {
  const me = await api.login(username, password);
  // Whatever was loaded belonged to the previous session (maybe another user).
  resetWorkspaceCache();
  forgetAlertSummaries();
  user.value = me;
  mePromise = Promise.resolve(me);
  return me;
}

/** Ends the session on the server; the page forgets the user either way. */
export async function signOut(): Promise<void> {
  try {
    await api.logout();
  } finally {
    forgetUser();
  }
}

/** The session is gone (a 401, or sign-out): drop the user and everything loaded under it. */
export function forgetUser(): void {
  user.value = null;
  mePromise = Promise.resolve(null);
  resetWorkspaceCache();
  forgetAlertSummaries();
}

/** `next` from the query when it is a path of this app (never another origin, never /login again). */
export function safeNext(next: unknown): string | null {
  const value = Array.isArray(next) ? next[0] : next;
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login#')) return null;
  return value;
}

/** Where to go after signing in: `next` when it is one of ours, else the role's own work (lib/home.ts). */
export async function afterSignIn(next: unknown, role: Role): Promise<string> {
  return safeNext(next) ?? landing(role);
}

/** The role's landing page; an operator without a remembered workspace opens the first one they have. */
export async function landing(role: Role): Promise<string> {
  let ws = lastWorkspace();
  if (!ws && (role === 'admin' || role === 'operator')) ws = (await api.workspaces().catch(() => []))[0]?.name ?? null;
  return homeFor(role, ws);
}

export function useAuth() {
  return {
    user,
    isAdmin: computed(() => user.value?.role === 'admin'),
    /** Who may create workspaces (the `workspace:create` permission): admins and operators. */
    canCreateWorkspace: computed(() => user.value?.role === 'admin' || user.value?.role === 'operator'),
    /** Who sees answer keys, everyone's submissions and batch grading (the `exercise:key` permission). */
    canGrade: computed(() => user.value?.role === 'admin' || user.value?.role === 'grader'),
  };
}
