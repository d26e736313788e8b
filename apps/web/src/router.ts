import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { setUnauthorizedHandler } from './api/client';
import type { Role } from './api/types';
import { afterSignIn, forgetUser, landing, loadMe } from './composables/auth';
import { lastWorkspace, rememberWorkspace } from './composables/workspaces';
import { homeFor, WORKSPACE_ROLES } from './lib/home';
import type { MessageKey } from './i18n/messages';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page title and breadcrumb, as an i18n key. */
    title?: MessageKey;
    /** The side-menu entry this page belongs to. */
    menu?: 'dashboard' | 'datasets' | 'reports' | 'monitor' | 'metrics' | 'workspaces' | 'users' | 'exercises';
    /** Open without signing in, and shown without the app shell (the sign-in page). */
    public?: boolean;
    /** Only these roles may open the page (others go to /workspaces). */
    roles?: Role[];
  }
}

// Every page is its own chunk: the first load carries only the shell.
const routes: RouteRecordRaw[] = [
  // Each role lands on its work (see lib/home.ts); the guard below resolves it once the user is known.
  { path: '/', name: 'home', component: () => import('./views/NotFoundView.vue') },
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { title: 'login.title', public: true } },
  {
    path: '/workspaces',
    name: 'workspaces',
    component: () => import('./views/WorkspacesView.vue'),
    meta: { title: 'nav.workspaces', menu: 'workspaces', roles: [...WORKSPACE_ROLES] },
  },
  { path: '/metrics', name: 'metrics', component: () => import('./views/MetricsView.vue'), meta: { title: 'nav.metrics', menu: 'metrics' } },
  { path: '/exercises', name: 'exercises', component: () => import('./views/ExercisesView.vue'), meta: { title: 'nav.exercises', menu: 'exercises' } },
  { path: '/exercises/:id', name: 'exercise', component: () => import('./views/ExerciseView.vue'), meta: { title: 'nav.exercise', menu: 'exercises' } },
  { path: '/users', name: 'users', component: () => import('./views/UsersView.vue'), meta: { title: 'nav.users', menu: 'users', roles: ['admin'] } },
  { path: '/w/:ws', redirect: (to) => `/w/${encodeURIComponent(String(to.params.ws))}/dashboard` },
  {
    path: '/w/:ws/dashboard',
    name: 'dashboard',
    component: () => import('./views/DashboardView.vue'),
    meta: { title: 'nav.dashboard', menu: 'dashboard', roles: [...WORKSPACE_ROLES] },
  },
  {
    path: '/w/:ws/datasets',
    name: 'datasets',
    component: () => import('./views/DatasetsView.vue'),
    meta: { title: 'nav.datasets', menu: 'datasets', roles: [...WORKSPACE_ROLES] },
  },
  {
    path: '/w/:ws/reports',
    name: 'reports',
    component: () => import('./views/ReportsView.vue'),
    meta: { title: 'nav.reports', menu: 'reports', roles: [...WORKSPACE_ROLES] },
  },
  {
    path: '/w/:ws/monitor',
    name: 'monitor',
    component: () => import('./views/MonitorView.vue'),
    meta: { title: 'nav.monitor', menu: 'monitor', roles: [...WORKSPACE_ROLES] },
  },
  {
    path: '/w/:ws/reports/:key',
    name: 'report',
    component: () => import('./views/ReportView.vue'),
    meta: { title: 'nav.report', menu: 'reports', roles: [...WORKSPACE_ROLES] },
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: 'notFound.title' } },
];

export const router = createRouter({ history: createWebHistory(), routes });

// Who is signed in is asked once per page load; pages other than /login need a user.
router.beforeEach(async (to) => {
  const me = await loadMe();
  if (to.meta.public) return me && to.name === 'login' ? afterSignIn(to.query.next, me.role) : true;
  if (!me) return { name: 'login', query: { next: to.fullPath } };
  if (to.name === 'home') return landing(me.role);
  // A page the role cannot open: its own work instead of a FORBIDDEN and a useless 重试.
  if (to.meta.roles && !to.meta.roles.includes(me.role)) return homeFor(me.role, lastWorkspace());
  return true;
});

router.afterEach((to) => {
  if (typeof to.params.ws === 'string' && to.params.ws) rememberWorkspace(to.params.ws);
});

// Any 401 from the API (the session expired or was ended elsewhere): sign in again, then come back.
let redirecting = false;
setUnauthorizedHandler(() => {
  forgetUser();
  const here = router.currentRoute.value;
  if (redirecting || here.name === 'login') return;
  redirecting = true;
  const next = here.matched.length ? here.fullPath : undefined;
  void router.replace({ name: 'login', query: next && next !== '/' ? { next } : {} }).finally(() => {
    redirecting = false;
  });
});
