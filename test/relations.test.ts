// Relation claims on sentences written for these tests (other countries than the seeds), and the interval
// rules: disjoint stays disjoint, repeats strengthen, one end never closes another relation, order is irrelevant.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine.js';
import { buildRelations, deriveRelationClaims, inForce, type RelationClaim } from '../src/stages/relations/index.js';
import { keyDates, type Timeline, type TimelineEntry } from '../src/app/relations.js';

const engine = createEngine();
const claimsOf = (text: string, published: string, id = 't1') => deriveRelationClaims(engine.analyze({ id, text, published }));
const brief = (cs: RelationClaim[]) => cs.map((c) => [c.kind, c.subtype, c.a, c.b, c.action, c.date]);

describe('deriveRelationClaims: events and stative sentences', () => {
  it('opens an agreement at the anchor of "in place for two decades" and closes it at the termination', () => {
    const cs = claimsOf(
      'The defence agreement between Chad and France, which had been in place for over two decades, underpinned French operations in the Sahel. ' +
        'On Thursday Chad terminated its defence agreement with France.',
      '2024-12-01',
    );
    expect(brief(cs)).toEqual([
      ['agreement', 'defence', 'FRA', 'TCD', 'opens', '2004'],
      ['agreement', 'defence', 'FRA', 'TCD', 'closes', '2024-11-28'],
    ]);
    expect(cs[0].evidence.text).toMatch(/^The defence agreement between Chad and France/);
    expect(cs[1].event_id).not.toBeNull();
    expect(cs[1].reason).toMatch(/terminated/);
  });

  it('reads forces stationed with their numbers, each owner its own figure', () => {
    const cs = claimsOf('Mali currently has 800 troops stationed in Chad, with Ghana having 300 soldiers.', '2022-06-10');
    expect(cs.map((c) => [c.kind, c.a, c.b, c.action, c.date, c.attributes.personnel])).toEqual([
      ['presence', 'MLI', 'TCD', 'asserts', '2022-06-10', 800],
      ['presence', 'GHA', 'TCD', 'asserts', '2022-06-10', 300],
    ]);
  });

  it('dates diplomatic relations "since 1968", restored and severed ones at their stated dates', () => {
    expect(brief(claimsOf('Kenya and Somalia have had diplomatic relations since 1968.', '2022-06-10'))).toEqual([
      ['diplomatic', null, 'KEN', 'SOM', 'opens', '1968'],
    ]);
    expect(
      brief(claimsOf('Morocco restored diplomatic relations with Israel in December 2020. Morocco severed diplomatic relations with Iran in 2018.', '2021-02-01')),
    ).toEqual([
      ['diplomatic', null, 'ISR', 'MAR', 'opens', '2020-12'],
      ['diplomatic', null, 'IRN', 'MAR', 'closes', '2018'],
    ]);
  });

  it('reads sanctions imposed and lifted, directed from the one who imposes them', () => {
    expect(brief(claimsOf('The United States imposed sanctions on Iran. The European Union lifted sanctions on Belarus.', '2023-03-01'))).toEqual([
      ['sanctions', null, 'USA', 'IRN', 'opens', '2023-03-01'],
      ['sanctions', null, 'IGO:EU', 'BLR', 'closes', '2023-03-01'],
    ]);
  });

  it('makes no claim from negated, hypothetical or future acts, nor from threats', () => {
    const cs = claimsOf(
      'Togo did not terminate its security agreement with Benin. Benin could end its security pact with Togo. ' +
        'Benin will end its security pact with Togo next year. Benin threatened to end its security pact with Togo.',
      '2020-05-04',
    );
    expect(cs).toEqual([]);
  });

  it('takes the other party from the sentence when the event has none ("both have signed")', () => {
    const cs = claimsOf('Ghana works with Togo on trade, and both have signed a bilateral investment agreement.', '2020-05-04');
    expect(brief(cs)).toEqual([['agreement', 'investment', 'GHA', 'TGO', 'opens', '2020-05-04']]);
  });
});

let n = 0;
function claim(o: Partial<RelationClaim> & Pick<RelationClaim, 'action' | 'date'>): RelationClaim {
  n++;
  return {
    id: `c${n}`,
    kind: 'agreement',
    a: 'FRA',
    b: 'TCD',
    subtype: 'defence',
    precision: o.date && o.date.length === 4 ? 'year' : 'day',
    attributes: {},
    event_id: null,
    evidence: { text: `sentence ${n}`, start: n * 10, end: n * 10 + 9 },
    article_id: `art${n}`,
    reason: 'test',
    ...o,
  };
}

describe('buildRelations: intervals from claims', () => {
  it('keeps disjoint intervals disjoint', () => {
    const cs = [
      claim({ action: 'opens', date: '2010' }),
      claim({ action: 'closes', date: '2015-06-01' }),
      claim({ action: 'opens', date: '2019-01-10' }),
      claim({ action: 'closes', date: '2022-02-01' }),
    ];
    const states = buildRelations(cs);
    expect(states.map((s) => [s.valid_from, s.valid_to])).toEqual([
      ['2010', '2015-06-01'],
      ['2019-01-10', '2022-02-01'],
    ]);
    expect(states.filter((s) => inForce(s, '2017-01-01'))).toEqual([]);
    expect(states.filter((s) => inForce(s, '2020')).length).toBe(1);
  });

  it('strengthens an interval with a repeated report instead of duplicating it', () => {
    const states = buildRelations([
      claim({ action: 'opens', date: '2010' }),
      claim({ action: 'asserts', date: '2012-03-01' }),
      claim({ action: 'opens', date: '2013-01-01', event_id: 'ev9' }),
      claim({ action: 'closes', date: '2016-01-01' }),
      // A later story repeating the end confirms it; it does not move it or open anything.
      claim({ action: 'closes', date: '2016-05-01' }),
    ]);
    expect(states).toHaveLength(1);
    expect(states[0]).toMatchObject({ valid_from: '2010', valid_to: '2016-01-01', reports: 5 });
    expect(states[0].opened_by).toContain('ev9');
    expect(states[0].closed_by).toHaveLength(2);
  });

  it('never closes another kind or subtype', () => {
    const states = buildRelations([
      claim({ action: 'opens', date: '2010', subtype: 'trade' }),
      claim({ action: 'opens', date: '2011', subtype: 'defence' }),
      claim({ action: 'opens', date: '1960', kind: 'diplomatic', subtype: null }),
      claim({ action: 'closes', date: '2020-01-01', subtype: 'defence' }),
    ]);
    const open = states.filter((s) => inForce(s, '2021'));
    expect(open.map((s) => [s.kind, s.subtype]).sort()).toEqual([
      ['agreement', 'trade'],
      ['diplomatic', null],
    ]);
  });

  it('records an end with an unknown start, and keeps the latest personnel figure', () => {
    const states = buildRelations([
      claim({ action: 'closes', date: '2023-11-16', subtype: 'military' }),
      claim({ kind: 'presence', subtype: null, action: 'asserts', date: '2023-11-16', attributes: { personnel: 1500 } }),
      claim({ kind: 'presence', subtype: null, action: 'asserts', date: '2022-05-01', attributes: { personnel: 2400 } }),
    ]);
    const mil = states.find((s) => s.subtype === 'military')!;
    expect(mil).toMatchObject({ valid_from: null, valid_to: '2023-11-16' });
    const presence = states.find((s) => s.kind === 'presence')!;
    expect(presence).toMatchObject({ valid_from: '2022-05-01', attributes: { personnel: 1500 } });
  });

  it('gives the same states whatever order the claims arrive in', () => {
    const cs = [
      claim({ action: 'opens', date: '2010' }),
      claim({ action: 'closes', date: '2015-06-01' }),
      claim({ action: 'asserts', date: '2015-06-01' }),
      claim({ action: 'opens', date: '2019-01-10', kind: 'diplomatic', subtype: null }),
      claim({ kind: 'presence', subtype: null, action: 'asserts', date: '2022-05-01', attributes: { personnel: 2400 } }),
      claim({ kind: 'presence', subtype: null, action: 'asserts', date: '2022-05-01', attributes: { personnel: 2500 } }),
    ];
    const expected = buildRelations(cs);
    // Every rotation of the list, forwards and backwards.
    for (let k = 0; k < cs.length; k++) {
      const rotated = [...cs.slice(k), ...cs.slice(0, k)];
      expect(buildRelations(rotated)).toEqual(expected);
      expect(buildRelations(rotated.reverse())).toEqual(expected);
    }
  });

  it('lets an activity lapse a year after its last report; a later report starts a new episode', () => {
    const states = buildRelations([
      claim({ kind: 'conflict', subtype: null, action: 'asserts', date: '2003-03-20' }),
      claim({ kind: 'conflict', subtype: null, action: 'asserts', date: '2003-09-01' }),
      claim({ kind: 'conflict', subtype: null, action: 'asserts', date: '2011-03-19' }),
      // Standing arrangements do not lapse.
      claim({ action: 'opens', date: '2003-01-01' }),
    ]);
    const conflict = states.filter((s) => s.kind === 'conflict');
    expect(conflict.map((s) => [s.valid_from, s.last_reported, s.expires])).toEqual([
      ['2003-03-20', '2003-09-01', '2004-08-31'],
      ['2011-03-19', '2011-03-19', '2012-03-18'],
    ]);
    expect(states.filter((s) => inForce(s, '2006-01-01')).map((s) => s.kind)).toEqual(['agreement']);
    expect(states.filter((s) => inForce(s, '2011-06-01')).map((s) => s.kind).sort()).toEqual(['agreement', 'conflict']);
  });

  it('leaves out claims with no date (they cannot be placed in time)', () => {
    expect(buildRelations([claim({ action: 'opens', date: null })])).toEqual([]);
  });
});

describe('keyDates: the days that matter most', () => {
  const ev = (date: string, article: string, goldstein: number, i: number): TimelineEntry => ({
    date, type: 'event', what: 'ASSAULT', source: 'LBYMIL', target: 'LBYREB', goldstein, quad: 4, evidence: `event ${i}`, article_id: article, id: `e${i}`,
  });
  const entries: TimelineEntry[] = [
    // 2011-03-19: five independent stories; 2011-03-20: the same episode, fewer; 2011-10-20: one intense story and a
    // state change; 2011-06-01: one mild report.
    ...['a1', 'a2', 'a3', 'a4', 'a5'].map((a, i) => ev('2011-03-19', a, -10, i)),
    ev('2011-03-20', 'a6', -10, 10),
    ev('2011-03-20', 'a7', -10, 11),
    ev('2011-10-20', 'a8', -10, 12),
    { date: '2011-10-20', type: 'closed', what: 'conflict', source: 'FRA', target: 'LBY', goldstein: null, quad: null, evidence: 'state change', article_id: 'a8', id: 'r1' },
    ev('2011-06-01', 'a9', -1, 13),
    ev('2011', 'a10', -10, 14),
  ];
  const t: Timeline = { a: 'LBY', b: null, entries, months: [], states: [] };

  it('ranks by independent reports, intensity and state changes, one day per episode, in date order', () => {
    const keys = keyDates(t, 2);
    expect(keys.map((k) => k.date)).toEqual(['2011-03-19', '2011-10-20']);
    expect(keys[0]).toMatchObject({ articles: 5, events: 5 });
    expect(keys[1].state_changes).toEqual(['closed conflict FRA-LBY']);
    // Asking for more never returns a year-only date nor the neighbour of a picked day.
    expect(keyDates(t, 10).map((k) => k.date)).toEqual(['2011-03-19', '2011-06-01', '2011-10-20']);
  });
});
