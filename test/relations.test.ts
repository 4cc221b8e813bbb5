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

  it('reads ambassadors expelled or recalled and embassies closed or reopened as acts within diplomatic relations', () => {
    const cs = claimsOf(
      'Mali expelled the ambassador of Sweden on Monday. Sweden recalled its ambassador from Mali on Tuesday. ' +
        'Canada closed its embassy in Bamako on Wednesday. Canada reopened its embassy in Bamako on Friday.',
      '2023-06-10',
    );
    expect(cs.map((c) => [c.kind, c.a, c.b, c.action, c.date, c.attributes])).toEqual([
      ['diplomatic', 'MLI', 'SWE', 'asserts', '2023-06-05', { ambassador: 'expelled', ambassador_as_of: '2023-06-05' }],
      ['diplomatic', 'MLI', 'SWE', 'asserts', '2023-06-06', { ambassador: 'recalled', ambassador_as_of: '2023-06-06' }],
      ['diplomatic', 'CAN', 'MLI', 'asserts', '2023-06-07', { embassy: 'closed', embassy_as_of: '2023-06-07' }],
      ['diplomatic', 'CAN', 'MLI', 'asserts', '2023-06-09', { embassy: 'open', embassy_as_of: '2023-06-09' }],
    ]);
    // One interval, its attributes the latest reported: relations were never broken.
    const [state] = buildRelations(cs.filter((c) => c.a === 'CAN'));
    expect(state).toMatchObject({ valid_from: '2023-06-07', valid_to: null, attributes: { embassy: 'open' }, reports: 2 });
  });

  it('names an agreement when the text does, and keeps how it ended (suspended or terminated)', () => {
    const cs = claimsOf(
      'Benin and Togo signed the Joint Border Security Agreement in March 2019. On Thursday Benin suspended the Joint Border Security Agreement with Togo.',
      '2024-05-10',
    );
    expect(cs.map((c) => [c.kind, c.subtype, c.a, c.b, c.action, c.date, c.attributes])).toEqual([
      ['agreement', 'border', 'BEN', 'TGO', 'opens', '2019-03', { name: 'Joint Border Security Agreement', status: 'signed' }],
      ['agreement', 'border', 'BEN', 'TGO', 'closes', '2024-05-09', { name: 'Joint Border Security Agreement', status: 'suspended' }],
    ]);
    const [pact] = buildRelations(cs);
    expect(pact).toMatchObject({ valid_from: '2019-03', valid_to: '2024-05-09', attributes: { name: 'Joint Border Security Agreement', status: 'suspended' } });
    // A field word at the head of a sentence is not a name.
    expect(claimsOf('Security agreements between Chad and France have been in place since 1976.', '2020-01-01')[0].attributes).toEqual({ status: 'in force' });
  });

  it('reads a military base of one state in another as presence', () => {
    const cs = claimsOf('The United States has a drone base in Agadez, Niger.', '2022-06-10');
    expect(cs.map((c) => [c.kind, c.a, c.b, c.action, c.date, c.attributes])).toEqual([['presence', 'USA', 'NER', 'asserts', '2022-06-10', { base: 'drone base' }]]);
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
  let i = 0;
  const ev = (date: string, article: string, outlet: string, published: string, dated_by: 'text' | 'published' = 'published'): TimelineEntry => ({
    date, type: 'event', what: 'ASSAULT', source: 'LBYMIL', target: 'LBYREB', goldstein: -10, quad: 4, evidence: `event ${++i} of ${date}`,
    article_id: article, id: `e${i}`, published, dated_by, outlet,
  });
  const entries: TimelineEntry[] = [
    // 03-19: reported by three stories of one outlet that day, and recalled weeks later by two of another.
    ...['a1', 'a2', 'a3'].map((a) => ev('2011-03-19', a, 'wire', '2011-03-19')),
    ev('2011-03-19', 'b1', 'daily', '2011-04-10', 'text'),
    ev('2011-03-19', 'b2', 'daily', '2011-04-12', 'text'),
    // 03-22: three stories of one outlet; 06-01: three stories of three outlets (independent reports).
    ...['a4', 'a5', 'a6'].map((a) => ev('2011-03-22', a, 'wire', '2011-03-22')),
    ev('2011-06-01', 'c1', 'wire', '2011-06-01'),
    ev('2011-06-01', 'c2', 'daily', '2011-06-01'),
    ev('2011-06-01', 'c3', 'weekly', '2011-06-01'),
    // 06-02: the same episode as 06-01; 10-20: one story and a relation ended by a stated act.
    ev('2011-06-02', 'c4', 'wire', '2011-06-02'),
    ev('2011-10-20', 'd1', 'wire', '2011-10-20'),
    { date: '2011-10-20', type: 'closed', what: 'conflict', source: 'FRA', target: 'LBY', goldstein: null, quad: null, evidence: 'state change', article_id: 'd1', id: 'r1', dated_by: 'text' },
    // A year-only date cannot be a key day.
    ev('2011', 'd2', 'wire', '2011-10-21', 'text'),
  ];
  const t: Timeline = { a: 'LBY', b: null, entries, months: [], states: [] };

  it('puts first a day later stories recall, then independent outlets over one outlet repeating itself', () => {
    expect(keyDates(t, 1).map((k) => k.date)).toEqual(['2011-03-19']);
    expect(keyDates(t, 1)[0]).toMatchObject({ articles: 5, later_references: 2, outlets: 2, events: 5 });
    // The recalling story's sentence stands for the day.
    expect(keyDates(t, 1)[0].evidence).toBe('event 4 of 2011-03-19');
    expect(keyDates(t, 2).map((k) => k.date)).toEqual(['2011-03-19', '2011-06-01']);
  });

  it('never picks a neighbour of a picked day nor a year-only date, counts state changes, returns date order', () => {
    const all = keyDates(t, 10);
    expect(all.map((k) => k.date)).toEqual(['2011-03-19', '2011-03-22', '2011-06-01', '2011-10-20']);
    expect(all[3].state_changes).toEqual(['closed conflict FRA-LBY']);
    expect(() => keyDates(t, 0)).toThrow(/--key/);
  });
});
