import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { lastWorkspace, rememberWorkspace } from './composables/workspaces';
import type { MessageKey } from './i18n/messages';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page title and breadcrumb, as an i18n key. */
    title?: MessageKey;
    /** The side-menu entry this page belongs to. */
    menu?: 'dashboard' | 'datasets' | 'reports' | 'metrics' | 'workspaces';
  }
}

// Every page is its own chunk: the first load carries only the shell.
const routes: RouteRecordRaw[] = [
  { path: '/', redirect: () => (lastWorkspace() ? `/w/${encodeURIComponent(lastWorkspace()!)}/dashboard` : '/workspaces') },
  { path: '/workspaces', name: 'workspaces', component: () => import('./views/WorkspacesView.vue'), meta: { title: 'nav.workspaces', menu: 'workspaces' } },
  { path: '/metrics', name: 'metrics', component: () => import('./views/MetricsView.vue'), meta: { title: 'nav.metrics', menu: 'metrics' } },
  { path: '/w/:ws', redirect: (to) => `/w/${encodeURIComponent(String(to.params.ws))}/dashboard` },
  { path: '/w/:ws/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { title: 'nav.dashboard', menu: 'dashboard' } },
  { path: '/w/:ws/datasets', name: 'datasets', component: () => import('./views/DatasetsView.vue'), meta: { title: 'nav.datasets', menu: 'datasets' } },
  { path: '/w/:ws/reports', name: 'reports', component: () => import('./views/ReportsView.vue'), meta: { title: 'nav.reports', menu: 'reports' } },
  { path: '/w/:ws/reports/:key', name: 'report', component: () => import('./views/ReportView.vue'), meta: { title: 'nav.report', menu: 'reports' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: 'notFound.title' } },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.afterEach((to) => {
  if (typeof to.params.ws === 'string' && to.params.ws) rememberWorkspace(to.params.ws);
});
