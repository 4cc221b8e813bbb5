// Relations over time on the three seed stories, ingested into SQLite in two orders: the US-Niger security
// agreement, US and French forces in Niger, US-Niger diplomatic relations, each traced to its sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEngine } from '../src/engine.js';
import { openStore, type Store } from '../src/store/index.js';
import { MIGRATIONS } from '../src/store/sqlite/migrations.js';
import { ingestPaths } from '../src/app/ingest-run.js';
import { keyDates, relationHistory, relationsAsOf, shifts, timeline } from '../src/app/relations.js';
import type { RelationState } from '../src/stages/relations/index.js';

const root = join(__dirname, '..');
const seeds = join(root, 'examples', 'seeds');
const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();

let dir: string;
let forward: Store;
let reversed: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-relations-'));
  const engine = createEngine();
  forward = openStore(join(dir, 'forward.db'));
  reversed = openStore(join(dir, 'reversed.db'));
  for (const f of files) await ingestPaths([join(seeds, f)], { engine, store: forward });
  // The 2024 story first, the 2021 one last: the states must come out the same.
  for (const f of [...files].reverse()) await ingestPaths([join(seeds, f)], { engine, store: reversed });
  expect(forward.stats().articles).toBe(3);
  expect(reversed.stats().articles).toBe(3);
});
afterAll(() => {
  forward.close();
  reversed.close();
  rmSync(dir, { recursive: true, force: true });
});

const find = (states: RelationState[], kind: string, a: string, b: string, subtype: string | null = null) =>
  states.filter((s) => s.kind === kind && s.a === a && s.b === b && s.subtype === subtype);

describe.each([
  ['ingested in file order', () => forward],
  ['ingested in reverse order', () => reversed],
])('seed relations, %s', (_name, store) => {
  it('has the US-Niger security agreement in force on 2023-01-01 and not on 2024-04-15', () => {
    const before = find(relationsAsOf(store(), 'NER', 'USA', '2023-01-01'), 'agreement', 'NER', 'USA', 'security');
    expect(before).toHaveLength(1);
    // "In place for over a decade" in a 2024 story: about 2014, to the year.
    expect(before[0]).toMatchObject({ valid_from: '2014', valid_from_precision: 'year', valid_to: '2024-03-28', valid_to_precision: 'day' });
    expect(before[0].evidence.map((e) => e.text)).toContain(
      'The security arrangement between Niger and the United States, which had been in place for over a decade, was instrumental in facilitating counter-terrorism operations, including the operation of a $100 million US drone base in the country.',
    );
    const closing = before[0].evidence.filter((e) => e.action === 'closes').map((e) => e.text);
    expect(closing.some((t) => t.includes("Niger's military junta has officially terminated its longstanding security agreement with the United States"))).toBe(true);
    // Three sentences report the end: one interval, strengthened, not three.
    expect(before[0].closed_by.length).toBeGreaterThanOrEqual(2);
    expect(find(relationsAsOf(store(), 'NER', 'USA', '2024-04-15'), 'agreement', 'NER', 'USA', 'security')).toEqual([]);
    expect(find(relationHistory(store(), 'NER', 'USA'), 'agreement', 'NER', 'USA', 'security')).toHaveLength(1);
  });

  it('has US and French forces in Niger, 1,100 and 1,500 personnel, as of 2023-11-16', () => {
    const on = relationsAsOf(store(), 'NER', undefined, '2023-11-16', { kind: 'presence' });
    const fra = find(on, 'presence', 'FRA', 'NER');
    const usa = find(on, 'presence', 'USA', 'NER');
    expect(fra).toHaveLength(1);
    expect(usa).toHaveLength(1);
    expect(fra[0].attributes).toMatchObject({ personnel: 1500, personnel_as_of: '2023-11-16' });
    expect(usa[0].attributes).toMatchObject({ personnel: 1100, personnel_as_of: '2023-11-16' });
    const sentence =
      'France currently has 1,500 military personnel stationed in Niger, with the U.S. having 1,100 military personnel, including a key drone base.';
    expect(fra[0].evidence[0].text).toBe(sentence);
    expect(usa[0].evidence[0].text).toBe(sentence);
    // Presence is directed: Niger has no forces in France.
    expect(find(on, 'presence', 'NER', 'FRA')).toEqual([]);
  });

  it('has US-Niger diplomatic relations from 1960, not ended by the end of the security pact', () => {
    const dip = find(relationHistory(store(), 'USA', 'NER'), 'diplomatic', 'NER', 'USA');
    expect(dip).toHaveLength(1);
    expect(dip[0]).toMatchObject({ valid_from: '1960', valid_from_precision: 'year', valid_to: null });
    expect(dip[0].evidence[0].text).toBe('The United States of America and the Republic of Niger established diplomatic relations in 1960.');
    // The 2021 story's "has its embassy in Niamey" strengthens the same interval (no second one).
    expect(dip[0].opened_by).toHaveLength(2);
    expect(dip[0].attributes).toMatchObject({ embassy: 'open', embassy_as_of: '2021-12-10' });
    expect(find(relationsAsOf(store(), 'NER', 'USA', '2024-04-15'), 'diplomatic', 'NER', 'USA')).toHaveLength(1);
    expect(find(relationsAsOf(store(), 'NER', 'USA', '1959-12-31'), 'diplomatic', 'NER', 'USA')).toEqual([]);
  });

  it('ends the French military agreements on 2023-11-16 without touching other kinds', () => {
    const mil = find(relationHistory(store(), 'NER', 'FRA'), 'agreement', 'FRA', 'NER', 'military');
    expect(mil).toHaveLength(1);
    expect(mil[0]).toMatchObject({ valid_from: null, valid_to: '2023-11-16' });
    expect(find(relationsAsOf(store(), 'NER', 'FRA', '2023-11-16'), 'presence', 'FRA', 'NER')).toHaveLength(1);
  });

  it('answers "what did we know" by publication date', () => {
    // Before the 2024 story, nothing said the security agreement had ended (or begun).
    const known2023 = relationHistory(store(), 'NER', 'USA', { knownAt: '2023-12-31' });
    expect(find(known2023, 'agreement', 'NER', 'USA', 'security')).toEqual([]);
    expect(find(known2023, 'diplomatic', 'NER', 'USA')[0].recorded_from).toBe('2021-12-10');
  });
});

describe('seed relations: order of ingestion', () => {
  it('builds the same states whichever story is stored first', () => {
    for (const [a, b] of [['NER', undefined], ['NER', 'USA'], ['FRA', undefined]] as const) {
      expect(relationHistory(reversed, a, b)).toEqual(relationHistory(forward, a, b));
    }
  });
});

describe('seed timeline', () => {
  it('lists the pair events and state changes in date order with a monthly index', () => {
    const t = timeline(forward, 'NER', 'USA');
    const dates = t.entries.map((e) => e.date!.slice(0, 4));
    expect([...dates].sort()).toEqual(dates);
    expect(t.entries.some((e) => e.type === 'opened' && e.what === 'diplomatic' && e.date === '1960')).toBe(true);
    expect(t.entries.some((e) => e.type === 'closed' && e.what === 'agreement/security' && e.date === '2024-03-28')).toBe(true);
    const march = t.months.find((m) => m.month === '2024-03')!;
    expect(march.goldstein).toBeLessThan(0);
    expect(march.quad[4]).toBeGreaterThan(0);
    const dec = t.months.find((m) => m.month === '2021-12')!;
    expect(dec.goldstein).toBeGreaterThan(0);
    expect(dec.events).toBe(dec.quad[1] + dec.quad[2] + dec.quad[3] + dec.quad[4]);
    // Every event in the pair timeline is between the two.
    for (const e of t.entries.filter((x) => x.type === 'event')) {
      expect([e.source?.slice(0, 3), e.target?.slice(0, 3)].sort()).toEqual(['NER', 'USA']);
    }
  });
});

describe('seed timeline of an actor that is not a state', () => {
  it('takes any actor the store finds (a name, a sector code) and gives its events and key days', () => {
    const t = timeline(forward, 'Bazoum');
    expect(t.entries.length).toBeGreaterThan(0);
    expect(t.entries.every((e) => e.type === 'event')).toBe(true);
    expect(t.states).toEqual([]);
    expect(keyDates(t, 1)).toHaveLength(1);
    const pair = timeline(forward, 'NERMIL', 'USA');
    expect(pair.entries.length).toBeGreaterThan(0);
    for (const e of pair.entries) expect([e.source?.slice(0, 3), e.target?.slice(0, 3)].sort()).toEqual(['NER', 'USA']);
    expect(pair.entries.some((e) => e.source === 'NERMIL' || e.target === 'NERMIL')).toBe(true);
  });
});

describe('seed shifts', () => {
  it('ranks the end of the US-Niger security agreement first, and filters by actor and date', () => {
    const all = shifts(forward);
    expect(all[0]).toMatchObject({ date: '2024-03-28', a: 'NER', b: 'USA', type: 'state', what: 'agreement/security ended' });
    expect(all.some((s) => s.type === 'index' && s.a === 'NER' && s.b === 'USA' && s.date === '2024-03' && s.change! < 0)).toBe(true);
    const france = shifts(forward, { actor: 'FRA', since: '2023' });
    expect(france.length).toBeGreaterThan(0);
    for (const s of france) expect([s.a, s.b]).toContain('FRA');
    expect(france[0].what).toBe('agreement/military ended');
    expect(shifts(reversed)).toEqual(all);
  });
});

describe('relations in an older database', () => {
  it('adds the relation_claims table to a version-1 database on opening', () => {
    const p = join(dir, 'v1.db');
    const raw = new Database(p);
    raw.exec(MIGRATIONS[0]);
    raw.pragma('user_version = 1');
    raw.pragma(`application_id = ${0x64796164}`);
    raw.close();
    const s = openStore(p);
    expect(s.relationClaims({ a: 'NER' })).toEqual([]);
    s.close();
  });
});

describe('dyad relations and dyad timeline', () => {
  const bin = join(root, 'bin', 'dyad.js');
  const built = existsSync(join(root, 'dist', 'app', 'relations.js'));
  it.skipIf(!built)('lists states in force as JSON and as a table, and rejects a bad party', () => {
    const db = join(dir, 'forward.db');
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args, '--db', db], { encoding: 'utf8', cwd: root });
    const json = run(['relations', 'NER', 'USA', '--as-of', '2023-01-01', '--format', 'json']);
    expect(json.status).toBe(0);
    const states = JSON.parse(json.stdout) as RelationState[];
    expect(states.some((s) => s.kind === 'agreement' && s.subtype === 'security')).toBe(true);
    for (const s of states) expect(Object.keys(s)).toEqual(expect.arrayContaining(['kind', 'a', 'b', 'valid_from', 'valid_to', 'attributes', 'opened_by', 'closed_by']));
    const table = run(['relations', 'NER', '--as-of', '2023-11-16']);
    expect(table.stdout).toMatch(/presence\s+FRA\s+NER.*personnel=1500/);
    const bad = run(['relations', 'Niger']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/ISO3/);
    const tl = run(['timeline', 'NER', 'USA', '--format', 'json']);
    expect(tl.status).toBe(0);
    expect(JSON.parse(tl.stdout).months.length).toBeGreaterThan(0);
    const key = run(['timeline', 'NER', 'USA', '--key', '2', '--format', 'json']);
    expect(key.status).toBe(0);
    expect(JSON.parse(key.stdout).key.map((k: { date: string }) => k.date)).toEqual(['2021-12-10', '2024-03-28']);
  });
});
