// The seed phenomena on stories written for this test (Chad and France, not Niger), stored in SQLite in both
// orders: diplomatic relations since a year, an agreement "in place for over two decades" and then terminated,
// forces with their numbers as of the story's date, what was known by a date, and one end closing nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine.js';
import { openStore, type Store } from '../src/store/index.js';
import { relationHistory, relationsAsOf, timeline, keyDates } from '../src/app/relations.js';
import type { RelationState } from '../src/stages/relations/index.js';

const stories = [
  {
    id: 'chad-2019',
    published: '2019-05-02',
    text:
      'Chad and France established diplomatic relations in 1960, the year of independence. ' +
      'France currently has 1,000 military personnel stationed in Chad, with the United States having 70 soldiers. ' +
      'The defence agreement between Chad and France, which has been in place for over two decades, lets French jets fly from N\'Djamena.',
  },
  {
    id: 'chad-2024',
    published: '2024-12-01',
    text:
      'Chad on Thursday terminated its defence agreement with France. ' +
      'France still has about 1,000 troops stationed in Chad. ' +
      'The two countries keep their diplomatic relations, officials said.',
  },
  {
    id: 'chad-2021',
    published: '2021-03-15',
    text: 'France currently has 1,200 soldiers stationed in Chad, the army said on Monday.',
  },
];

let forward: Store;
let reversed: Store;

beforeAll(() => {
  const engine = createEngine();
  forward = openStore(':memory:');
  reversed = openStore(':memory:');
  const docs = stories.map((s) => engine.analyze({ id: s.id, text: s.text, published: s.published }));
  for (const d of docs) forward.addDoc(d, d.id);
  for (const d of [...docs].reverse()) reversed.addDoc(d, d.id);
});
afterAll(() => {
  forward.close();
  reversed.close();
});

const find = (states: RelationState[], kind: string, a: string, b: string, subtype: string | null = null) =>
  states.filter((s) => s.kind === kind && s.a === a && s.b === b && s.subtype === subtype);

describe.each([
  ['stored oldest first', () => forward],
  ['stored newest first', () => reversed],
])('written Chad-France stories, %s', (_name, store) => {
  it('has diplomatic relations from 1960, not ended by the end of the defence agreement', () => {
    const [dip] = find(relationsAsOf(store(), 'TCD', 'FRA', '2025-01-01'), 'diplomatic', 'FRA', 'TCD');
    expect(dip).toMatchObject({ valid_from: '1960', valid_from_precision: 'year', valid_to: null });
    expect(dip.evidence[0].text).toMatch(/^Chad and France established diplomatic relations in 1960/);
  });

  it('has the defence agreement from about two decades before 2019 until its termination', () => {
    const [pact] = find(relationHistory(store(), 'TCD', 'FRA'), 'agreement', 'FRA', 'TCD', 'defence');
    expect(pact.valid_from).toBe('1999');
    expect(pact.valid_to).toBe('2024-11-28');
    expect(pact.closed_by.length).toBe(1);
    expect(pact.evidence.map((e) => e.text)).toEqual([
      expect.stringMatching(/in place for over two decades/),
      'Chad on Thursday terminated its defence agreement with France.',
    ]);
    expect(find(relationsAsOf(store(), 'TCD', 'FRA', '2020-01-01'), 'agreement', 'FRA', 'TCD', 'defence')).toHaveLength(1);
    expect(find(relationsAsOf(store(), 'TCD', 'FRA', '2024-12-01'), 'agreement', 'FRA', 'TCD', 'defence')).toHaveLength(0);
  });

  it('has French forces in Chad with the personnel of each report, one interval strengthened by each', () => {
    const presence = find(relationHistory(store(), 'FRA', 'TCD'), 'presence', 'FRA', 'TCD');
    expect(presence).toHaveLength(1);
    expect(presence[0]).toMatchObject({ valid_from: '2019-05-02', valid_to: null, reports: 3 });
    expect(presence[0].attributes).toMatchObject({ personnel: 1000, personnel_as_of: '2024-12-01' });
    const asOf2019 = find(relationsAsOf(store(), 'FRA', 'TCD', '2019-06-01', { knownAt: '2019-12-31' }), 'presence', 'FRA', 'TCD');
    expect(asOf2019[0].attributes).toMatchObject({ personnel: 1000, personnel_as_of: '2019-05-02' });
    const asOf2021 = find(relationsAsOf(store(), 'FRA', 'TCD', '2021-06-01', { knownAt: '2021-12-31' }), 'presence', 'FRA', 'TCD');
    expect(asOf2021[0].attributes).toMatchObject({ personnel: 1200, personnel_as_of: '2021-03-15' });
    const us = find(relationHistory(store(), 'USA', 'TCD'), 'presence', 'USA', 'TCD');
    expect(us[0].attributes).toMatchObject({ personnel: 70 });
  });

  it('knew nothing of the termination before the story that reported it', () => {
    const [pact] = find(relationHistory(store(), 'TCD', 'FRA', { knownAt: '2024-11-30' }), 'agreement', 'FRA', 'TCD', 'defence');
    expect(pact).toMatchObject({ valid_from: '1999', valid_to: null, recorded_from: '2019-05-02' });
  });
});

describe('written Chad-France stories: order of storage', () => {
  it('gives the same states and the same key days whichever story is stored first', () => {
    expect(relationHistory(reversed, 'TCD')).toEqual(relationHistory(forward, 'TCD'));
    expect(keyDates(timeline(reversed, 'TCD', 'FRA'), 3)).toEqual(keyDates(timeline(forward, 'TCD', 'FRA'), 3));
  });
});
