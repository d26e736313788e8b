import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CoreModule, type AppConfig, type Workspace, WorkspacesService } from '@creator-ops/core';
import { commandConfig, stderrLogger, type ContextOptions } from './light-context';

/** The CLI resolves the workspace of `--workspace` once, as the API's `@CurrentWorkspace()` does (unknown: WORKSPACE_NOT_FOUND). */
export function resolveWorkspace(ctx: INestApplicationContext, name: string): Promise<Workspace> {
  return ctx.get(WorkspacesService).get(name);
}

/**
 * The same services as the server, on the same DATA_DIR, without HTTP (report, alerts, export: what
 * needs more than the light context of light-context.ts). A command that writes (`write: true`)
 * takes the DATA_DIR lock (SQLite only), so it is refused while a server runs there; reading
 * commands take no lock and may run beside the server.
 */
export async function openContext(overrides: Partial<AppConfig> = {}, opts: ContextOptions = {}): Promise<{ ctx: INestApplicationContext; config: AppConfig }> {
  const config = commandConfig(overrides, opts);
  const ctx = await NestFactory.createApplicationContext(CoreModule.forRoot(config), { logger: stderrLogger() });
  return { ctx, config };
}
