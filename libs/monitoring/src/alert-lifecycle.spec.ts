/**
 * The lifecycle over successive imports of a plan report, with the break-even rule (gross margin
 * 30%: break-even ROI 3.33…, cost ≥ ¥100, per plan, latest day).
 */
import { acknowledgeAlert, alertKey, reconcileAlerts, summarizeCounts } from './alert-lifecycle';
import { evaluateRules } from './evaluate-rules';
import { adRow, buildTables, rule } from './testing/helpers';
import type { Alert, AlertRule } from './types';

const roiRule: AlertRule = rule({
  id: 'roi',
  metric: 'roi',
  op: 'below_breakeven_roi',
  grossMargin: 0.3,
  minVolume: { metric: 'cost', min: 100 },
  severity: 'high',
});

// Import 1: 11-05, P1 ROI 900 / 300 = 3 (fires), P2 ROI 4 (does not)
const IMPORT_1 = [adRow('2024-11-05', 'P1', '计划A', { cost: 300, gmv: 900 }), adRow('2024-11-05', 'P2', '计划B', { cost: 300, gmv: 1200 })];
const T0 = '2024-11-06T01:00:00.000Z';
const T1 = '2024-11-06T02:00:00.000Z';
const T2 = '2024-11-07T01:00:00.000Z';

/** The store: what a repository would hold after applying a reconciliation. */
function apply(store: Alert[], r: ReturnType<typeof reconcileAlerts>): Alert[] {
  const byKey = new Map(store.map((a) => [a.key, a]));
  for (const a of [...r.created, ...r.stillOpen, ...r.reopened, ...r.resolved]) byKey.set(a.key, a);
  return [...byKey.values()];
}

const run = (store: Alert[], rows: Record<string, string | number>[], now: string, rules = [roiRule], asOf?: string) =>
  reconcileAlerts(store, evaluateRules(rules, buildTables({ ad: rows }), { asOf }), now);

describe('reconcileAlerts', () => {
  it('creates a new alert, then re-evaluating or re-importing the same data never duplicates', () => {
    const first = run([], IMPORT_1, T0);
    expect(first.created).toHaveLength(1);
    expect(first.created[0]).toMatchObject({
      ruleId: 'roi',
      dimensionValue: 'P1',
      window: { from: '2024-11-05', to: '2024-11-05' },
      state: 'new',
      createdAt: T0,
      lastSeenAt: T0,
      observed: 3,
    });
    expect(first.created[0].key).toBe(alertKey('roi', 'P1', { from: '2024-11-05', to: '2024-11-05' }));
    const store = apply([], first);

    // the same tables again, and freshly built tables from the same rows (a re-import)
    for (const again of [reconcileAlerts(store, evaluateRules([roiRule], buildTables({ ad: IMPORT_1 })), T1), run(store, [...IMPORT_1].reverse(), T1)]) {
      expect(again.created).toEqual([]);
      expect(again.resolved).toEqual([]);
      expect(again.stillOpen).toHaveLength(1);
      expect(again.stillOpen[0]).toMatchObject({ key: store[0].key, state: 'new', createdAt: T0, lastSeenAt: T1 });
      expect(apply(store, again)).toHaveLength(1);
    }
  });

  it('keeps an acknowledged alert acknowledged while it still fires', () => {
    const store = apply([], run([], IMPORT_1, T0)).map((a) => acknowledgeAlert(a, T1));
    expect(store[0]).toMatchObject({ state: 'acknowledged', acknowledgedAt: T1 });
    const again = run(store, IMPORT_1, T2);
    expect(again.stillOpen).toEqual([expect.objectContaining({ state: 'acknowledged', acknowledgedAt: T1, lastSeenAt: T2 })]);
  });

  it('resolves the alert when a corrected import clears the same day', () => {
    const store = apply([], run([], IMPORT_1, T0));
    // the platform's corrected export: P1 GMV ¥1,200 on 11-05 (ROI 4)
    const corrected = [adRow('2024-11-05', 'P1', '计划A', { cost: 300, gmv: 1200 }), IMPORT_1[1]];
    const r = run(store, corrected, T1);
    expect(r.created).toEqual([]);
    expect(r.resolved).toEqual([expect.objectContaining({ key: store[0].key, state: 'resolved', resolvedAt: T1, resolution: 'cleared' })]);
  });

  it('a later day that no longer fires clears the alert; one that still fires supersedes it', () => {
    const store = apply([], run([], IMPORT_1, T0));
    const fine = run(store, [...IMPORT_1, adRow('2024-11-06', 'P1', '计划A', { cost: 300, gmv: 1500 })], T2);
    expect(fine.created).toEqual([]);
    expect(fine.resolved).toEqual([expect.objectContaining({ dimensionValue: 'P1', resolution: 'cleared' })]);

    const still = run(store, [...IMPORT_1, adRow('2024-11-06', 'P1', '计划A', { cost: 300, gmv: 600 })], T2);
    expect(still.created).toEqual([expect.objectContaining({ dimensionValue: 'P1', window: { from: '2024-11-06', to: '2024-11-06' }, observed: 2 })]);
    expect(still.resolved).toEqual([expect.objectContaining({ window: { from: '2024-11-05', to: '2024-11-05' }, resolution: 'superseded' })]);
  });

  it('reopens a resolved alert when the data brings the condition back', () => {
    let store = apply([], run([], IMPORT_1, T0));
    store = apply(store, run(store, [adRow('2024-11-05', 'P1', '计划A', { cost: 300, gmv: 1200 })], T1));
    expect(store[0].state).toBe('resolved');
    const r = run(store, IMPORT_1, T2);
    expect(r.created).toEqual([]);
    expect(r.reopened).toEqual([expect.objectContaining({ key: store[0].key, state: 'new', resolvedAt: null, resolution: null, createdAt: T0 })]);
  });

  it('leaves alone alerts of rules not evaluated, and of windows after an earlier asOf', () => {
    const store = apply([], run([], IMPORT_1, T0));
    // the rule cannot run (no plan column): skipped, so its alerts stay open
    const skipped = run(store, [{ date: '2024-11-05', cost: 300, gmv: 1200 }], T1);
    expect(skipped).toEqual({ created: [], stillOpen: [], reopened: [], resolved: [] });
    // another rule only
    expect(run(store, IMPORT_1, T1, [rule({ id: 'other', metric: 'cost', op: '>', value: 1e9 })]).resolved).toEqual([]);
    // evaluated as of 11-04 (nothing there): says nothing about 11-05
    const earlier = run(store, [...IMPORT_1, adRow('2024-11-04', 'P1', '计划A', { cost: 300, gmv: 1500 })], T1, [roiRule], '2024-11-04');
    expect(earlier.resolved).toEqual([]);
  });
});

describe('the fields of an alert (stored and shown in this order)', () => {
  const CANDIDATE = [
    'ruleId',
    'metric',
    'dimension',
    'dimensionValue',
    'dimensionLabel',
    'window',
    'observed',
    'threshold',
    'severity',
    'values',
    'message',
    'evidence',
  ];
  const LIFECYCLE = ['acknowledgedAt', 'resolvedAt', 'resolution'];

  it("come as the candidate's figures, then its lifecycle, whether created, still open, resolved or reopened", () => {
    const created = run([], IMPORT_1, T0).created;
    expect(created.map((a) => Object.keys(a))).toEqual([[...CANDIDATE, ...LIFECYCLE, 'key', 'state', 'createdAt', 'lastSeenAt']]);
    // As a store gives them back: with their id.
    const store = apply([], { created: created.map((a) => ({ ...a, id: 'a1' })), stillOpen: [], reopened: [], resolved: [] });
    const stored = [...CANDIDATE, ...LIFECYCLE, 'id', 'key', 'state', 'createdAt', 'lastSeenAt'];
    expect(run(store, IMPORT_1, T1).stillOpen.map((a) => Object.keys(a))).toEqual([stored]);
    const cleared = run(store, [adRow('2024-11-05', 'P1', '计划A', { cost: 300, gmv: 1200 })], T1).resolved;
    expect(cleared.map((a) => Object.keys(a))).toEqual([Object.keys(store[0])]);
    expect(cleared[0]).toEqual({ ...store[0], state: 'resolved', resolvedAt: T1, resolution: 'cleared' });
    expect(run(apply(store, { created: [], stillOpen: [], reopened: [], resolved: cleared }), IMPORT_1, T2).reopened.map((a) => Object.keys(a))).toEqual([
      stored,
    ]);
  });
});

describe('summarizeCounts', () => {
  it('counts open alerts (new and acknowledged, resolved left out) by severity, new ones separately, adding up the counts', () => {
    const counts = [
      { state: 'new', severity: 'high', count: 3 },
      { state: 'acknowledged', severity: 'high', count: 2 },
      { state: 'resolved', severity: 'high', count: 40 },
      { state: 'new', severity: 'low', count: 1 },
      { state: 'acknowledged', severity: 'medium', count: 5 },
    ] as const;
    // By hand: open high 3 + 2, medium 5, low 1; new high 3, low 1.
    expect(summarizeCounts([...counts])).toEqual({ open: { high: 5, medium: 5, low: 1, total: 11 }, new: { high: 3, medium: 0, low: 1, total: 4 } });
  });
});

describe('acknowledgeAlert and summarizeCounts', () => {
  const alert = (state: Alert['state'], severity: Alert['severity']) => ({ state, severity, count: 1 });

  it('acknowledging is idempotent and never reopens a resolved alert', () => {
    const [a] = run([], IMPORT_1, T0).created;
    const acked = acknowledgeAlert(a, T1);
    expect(acknowledgeAlert(acked, T2)).toBe(acked);
    const resolved = { ...a, state: 'resolved' as const };
    expect(acknowledgeAlert(resolved, T2)).toBe(resolved);
  });

  it('counts open alerts by severity (new ones separately)', () => {
    const counts = summarizeCounts([alert('new', 'high'), alert('acknowledged', 'high'), alert('new', 'low'), alert('resolved', 'high')]);
    expect(counts.open).toEqual({ high: 2, medium: 0, low: 1, total: 3 });
    expect(counts.new).toEqual({ high: 1, medium: 0, low: 1, total: 2 });
  });
});
