/**
 * The ad reconciliation a second thread runs over its part of a file as it reads it (the sink names
 * this module: StagedImport.partObserver), so that the main thread need not read the part back;
 * its result joins the main thread's reconciler through `AdReconciler.absorb`.
 */
import type { ColumnTable } from '@creator-ops/columnar';
import { AdReconciler, type ReconciledPart } from './reconcile';

export function observePart(): { add(batch: ColumnTable): void; result(): ReconciledPart } {
  const reconciler = new AdReconciler();
  return { add: (batch) => reconciler.add(batch), result: () => reconciler.part() };
}

/** This module once compiled, for a worker to load (null under the TypeScript test runner: no worker there). */
export const RECONCILE_PART_MODULE = typeof __filename === 'string' && __filename.endsWith('.js') ? __filename : null;
