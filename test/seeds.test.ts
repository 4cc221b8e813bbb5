// The three seed articles, end to end through the CLI's use case: ingest into SQLite, then query events.
// These are the stories dyad was started from; the same phenomena on other sentences are in events.test.ts.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../src/engine.js';
import { openStore, type Store, type StoredEvent } from '../src/store/index.js';
import { ingestPaths } from '../src/app/ingest-run.js';

const seeds = join(__dirname, '..', 'examples', 'seeds');

describe('seed articles end to end', () => {
  let dir: string;
  let store: Store;
  let all: StoredEvent[];
  let asserted: StoredEvent[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dyad-seeds-'));
    store = openStore(join(dir, 'seeds.db'));
    const errors: string[] = [];
    const sum = await ingestPaths([seeds], { engine: createEngine(), store, onError: (m) => errors.push(m) });
    expect(errors).toEqual([]);
    expect(sum.added).toBe(3);
    asserted = store.events({});
    all = store.events({ includeNegated: true, includeHypothetical: true });
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the seed files', () => {
    expect(existsSync(seeds)).toBe(true);
  });

  it('codes the Blinken-Bazoum call as a USA-NER CONSULT on 2021-12-10', () => {
    const call = asserted.find(
      (e) => e.event === 'CONSULT' && e.source?.country === 'USA' && e.target?.country === 'NER' && e.date === '2021-12-10',
    );
    expect(call, JSON.stringify(asserted.map((e) => [e.event, e.source?.code, e.target?.code, e.date]))).toBeDefined();
    expect(call!.source!.name).toMatch(/Blinken/);
    expect(call!.target!.name).toMatch(/Bazoum/);
    expect(call!.source!.sector).toBe('GOV');
    expect(call!.evidence.text).toContain('spoke with President Mohamed Bazoum');
  });

  it('codes ECOWAS sanctions against Niger', () => {
    const s = asserted.find((e) => e.event === 'SANCTION' && e.source?.code === 'IGO:ECOWAS' && e.target?.country === 'NER');
    expect(s).toBeDefined();
    expect(s!.quad).toBe(4);
    expect(s!.date).toBe('2023-11-16');
  });

  it('codes Niger ending its military agreements with France', () => {
    const ends = asserted.filter(
      (e) => e.event === 'SANCTION' && e.mode === 'discontinue' && e.source?.country === 'NER' && e.target?.country === 'FRA',
    );
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.every((e) => e.source!.sector === 'MIL')).toBe(true);
  });

  it('codes Niger ending its security agreement with the United States, dated 2024-03', () => {
    const end = asserted.find(
      (e) => e.event === 'SANCTION' && e.mode === 'discontinue' && e.source?.country === 'NER' && e.target?.country === 'USA',
    );
    expect(end).toBeDefined();
    expect(end!.date!.startsWith('2024-03')).toBe(true);
    expect(end!.source!.code).toBe('NERMIL');
  });

  it('asserts nothing from the conditional and uncertain sentences', () => {
    const conditional = [
      'any aggression against Niger will be met',
      'which could lead to the loss of aid',
      'Any cuts in foreign aid could have',
      'International support and intervention may be crucial',
      'It is uncertain how',
    ];
    // From where each phrase starts to the end of its sentence, nothing may be stored as a plain fact.
    for (const phrase of conditional) {
      const factual = asserted.filter((e) => {
        const at = e.evidence.text.indexOf(phrase);
        return at >= 0 && e.trigger !== undefined && e.trigger.start >= e.evidence.start + at;
      });
      expect(factual.map((e) => `${e.event} "${e.trigger?.text}"`), phrase).toEqual([]);
    }
    // The aggression of the conditional sentence is stored, but marked as not having happened.
    const aggression = all.find((e) => e.event === 'ASSAULT' && e.evidence.text.includes('any aggression against Niger'));
    if (aggression) expect(aggression.hypothetical || aggression.future).toBe(true);
  });

  it('dates the 1960 establishment of relations as historical', () => {
    const rel = all.find((e) => e.evidence.text.includes('established diplomatic relations in 1960'));
    expect(rel).toBeDefined();
    expect(rel!.date).toBe('1960');
    expect(rel!.date_precision).toBe('year');
    expect(rel!.historical).toBe(true);
  });
});
