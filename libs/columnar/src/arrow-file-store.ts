import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { EXPORT_KINDS, type ExportKind } from '@creator-ops/schemas';
import type { ColumnTable } from './column';
import { ArrowBatchWriter } from './arrow-batch-writer';
import { tableFromIpcBytes } from './arrow-io';
import type { ColumnStore, ColumnWriter, StagedColumnWriter, WrittenFile } from './column-store';

const SAFE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function assertSafeId(what: string, id: string): void {
  if (!SAFE_ID.test(id)) throw new Error(`Unsafe ${what} id: ${JSON.stringify(id)}`);
}

/**
 * Arrow IPC files under DATA_DIR/workspaces/<workspace id>/<kind>/<import id>.arrow. Only ids the
 * application generated reach a path (validated here); user-given names never do.
 */
export class ArrowFileStore implements ColumnStore {
  constructor(private readonly root: string) {}

  pathOf(workspaceId: string, kind: ExportKind, importId: string): string {
    assertSafeId('workspace', workspaceId);
    assertSafeId('import', importId);
    if (!EXPORT_KINDS.includes(kind)) throw new Error(`Unknown kind ${kind}`);
    return join(this.root, 'workspaces', workspaceId, kind, `${importId}.arrow`);
  }

  /**
   * Opens the column file of an import for writing batch by batch (never holding the whole import in
   * memory) under a temporary name; `finish` fsyncs, renames into place and fsyncs the folder.
   */
  open(workspaceId: string, kind: ExportKind, importId: string): ColumnWriter {
    const path = this.pathOf(workspaceId, kind, importId);
    const dir = join(path, '..');
    mkdirSync(dir, { recursive: true });
    const writer = new ArrowBatchWriter(join(dir, `.tmp-${randomUUID()}.arrow`));
    return {
      get rows() {
        return writer.rows;
      },
      append: (table) => writer.append(table),
      abort: () => writer.abort(),
      finish: () => writer.finishAt(path, () => syncDir(dir)),
    };
  }

  stage(stagingDir: string): StagedColumnWriter {
    mkdirSync(stagingDir, { recursive: true });
    const tmp = () => join(stagingDir, `.stage-${randomUUID()}.arrow`);
    let writer = new ArrowBatchWriter(tmp());
    return {
      get rows() {
        return writer.rows;
      },
      append: (table) => writer.append(table),
      appendStream: (path, rows) => writer.appendStream(path, rows),
      copyAhead: (path, written) => writer.copyAhead(path, written),
      abort: () => writer.abort(),
      rewrite: async (transform) => {
        writer = await writer.rewrite(tmp(), transform);
      },
      place: (workspaceId, kind, importId) => {
        const path = this.pathOf(workspaceId, kind, importId);
        const dir = join(path, '..');
        mkdirSync(dir, { recursive: true });
        return writer.finishAt(path, () => syncDir(dir));
      },
    };
  }

  async write(workspaceId: string, kind: ExportKind, importId: string, table: ColumnTable): Promise<WrittenFile> {
    const writer = this.open(workspaceId, kind, importId);
    try {
      writer.append(table);
    } catch (e) {
      writer.abort();
      throw e;
    }
    return writer.finish();
  }

  read(workspaceId: string, kind: ExportKind, importId: string): ColumnTable {
    return tableFromIpcBytes(readFileSync(this.pathOf(workspaceId, kind, importId)));
  }

  remove(workspaceId: string, kind: ExportKind, importId: string): void {
    const path = this.pathOf(workspaceId, kind, importId);
    rmSync(path, { force: true });
    syncDir(join(path, '..'));
  }

  /**
   * Deletes temporary files and Arrow files no committed import refers to (left by a crash between
   * the rename and the metadata commit, or between a metadata delete and the unlink).
   */
  sweep(committed: Set<string>): string[] {
    return this.workspaceIds().flatMap((ws) => this.sweepWorkspace(ws, committed));
  }

  workspaceIds(): string[] {
    return safeList(join(this.root, 'workspaces')).filter((ws) => SAFE_ID.test(ws));
  }

  /** The sweep of one workspace (with several instances, run under that workspace's lock so no import is in flight). */
  sweepWorkspace(ws: string, committed: Set<string>): string[] {
    assertSafeId('workspace', ws);
    const removed: string[] = [];
    const base = join(this.root, 'workspaces');
    for (const kind of safeList(join(base, ws))) {
      const dir = join(base, ws, kind);
      for (const file of safeList(dir)) {
        const id = file.endsWith('.arrow') ? file.slice(0, -'.arrow'.length) : null;
        if (file.startsWith('.tmp-') || (id && !committed.has(`${ws}/${kind}/${id}`))) {
          rmSync(join(dir, file), { force: true });
          removed.push(join(ws, kind, file));
        }
      }
    }
    return removed;
  }

  removeWorkspace(workspaceId: string): void {
    assertSafeId('workspace', workspaceId);
    rmSync(join(this.root, 'workspaces', workspaceId), { recursive: true, force: true });
  }
}

function safeList(dir: string): string[] {
  try {
    return statSync(dir).isDirectory() ? readdirSync(dir) : [];
  } catch {
    return [];
  }
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on directories; the rename is still atomic.
  }
}
