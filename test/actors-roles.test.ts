// Roles over time: a person is coded by the office held on the article's date, the store keeps every code an
// actor held with the dates of the articles that coded it so, and sector-only actors take their country from
// the places the text names.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../src/engine.js';
import { openStore, type Store } from '../src/store/index.js';
import { actorRow, listActors } from '../src/app/actors.js';
import { impliedActor } from '../src/stages/actors/index.js';

const engine = createEngine();
const analyze = (text: string, published: string, id?: string) => engine.analyze({ id, text, published });
const mention = (text: string, published: string, needle: string) => {
  const m = analyze(text, published).actors.find((a) => a.text.includes(needle));
  if (!m) throw new Error(`no mention with "${needle}" in: ${text}`);
  return m;
};

describe('a person coded by the role held on the article date', () => {
  it('codes the same person differently before and after a change of office', () => {
    const before = mention('Mahamat Deby met the French ambassador in N\'Djamena.', '2022-03-01', 'Deby');
    const after = mention('Mahamat Deby met the French ambassador in N\'Djamena.', '2024-09-01', 'Deby');
    expect(before).toMatchObject({ entity: 'person:mahamat-deby', code: 'TCDMIL' });
    expect(after).toMatchObject({ entity: 'person:mahamat-deby', code: 'TCDGOV' });
    expect(before.reason).toMatch(/2021-04-20\.\.2024-05-23 contains the article date 2022-03-01/);
  });

  it('turns a rebel leader into the government when he takes power', () => {
    expect(mention('Ahmed al-Sharaa said his fighters were advancing.', '2024-06-01', 'Sharaa').code).toBe('SYRREB');
    expect(mention('Ahmed al-Sharaa said his government would hold talks.', '2025-03-01', 'Sharaa').code).toBe('SYRGOV');
  });

  it('keeps the deposed president NERGOV while the junta and the coup leader are NERMIL', () => {
    const text =
      'Niger\'s military junta said on Tuesday it would not release President Bazoum, who is currently being held captive. ' +
      'The junta accused France of interference, and the coup leader addressed the nation.';
    const ms = analyze(text, '2023-08-15').actors;
    const bazoum = ms.find((m) => m.text.includes('Bazoum'))!;
    expect(bazoum).toMatchObject({ entity: 'person:mohamed-bazoum', code: 'NERGOV' });
    expect(bazoum.reason).toMatch(/deposed/);
    expect(ms.filter((m) => /junta|coup leader/i.test(m.text)).map((m) => m.code)).toEqual(['NERMIL', 'NERMIL', 'NERMIL']);
    // The same person in 2021 by full name and title: one entity across articles.
    expect(mention('President Mohamed Bazoum of Niger visited Paris.', '2021-06-01', 'Bazoum')).toMatchObject({ entity: 'person:mohamed-bazoum', code: 'NERGOV' });
  });
});

describe('sector-only actors take their country from the places named', () => {
  it('codes gunmen attacking a village near a known town by that town\'s country', () => {
    const m = mention('On May 3, unidentified gunmen attacked a village near Gao, killing two civilians.', '2019-05-05', 'gunmen');
    expect(m).toMatchObject({ code: 'MLIUAF', country: 'MLI', entity: 'country:MLI:UAF' });
    expect(m.reason).toMatch(/no country stated, so MLI from the place named in its sentence \(Gao\)/);
  });

  it('reads "armed men" and "an armed group" as unidentified armed actors, but not "two men"', () => {
    const ms = analyze('Armed men stormed the market in Niamey. Two men were arrested. An armed group later fled.', '2020-01-10').actors;
    expect(ms.filter((m) => m.sector === 'UAF').map((m) => m.text)).toEqual(['Armed men', 'armed group']);
    expect(ms.find((m) => m.text === 'Armed men')!.code).toBe('NERUAF');
    expect(mention('Two Malian men were kidnapped.', '2020-01-10', 'Malian').code).toBe('MLI');
  });

  it('does not take the country across a border ("near the border with Burkina Faso")', () => {
    const m = mention('Unknown gunmen attacked a checkpoint in Gao region, near the border with Niger.', '2019-05-05', 'gunmen');
    expect(m.code).toBe('MLIUAF');
    const n = mention('Armed men killed three herders near the Burkina Faso border.', '2019-05-05', 'Armed men');
    expect(n.country).toBeNull();
  });

  it('gives an attack with no named attacker an implied unnamed actor of the place\'s country', () => {
    const text = 'On June 23, a cart was struck by an IED near Gao, killing one civilian.';
    const doc = analyze(text, '2019-06-25');
    const at = text.indexOf('struck');
    const a = impliedActor(doc, 0, { start: at, end: at + 'struck'.length }, 'UAF', 'armed group');
    expect(a).toMatchObject({ code: 'MLIUAF', country: 'MLI', sector: 'UAF', entity: 'country:MLI:UAF', text: 'struck' });
    expect(a.reason).toMatch(/implied by "struck": no actor named/);
    expect(impliedActor(analyze('A cart was struck by an IED.', '2019-06-25'), 0, { start: 11, end: 17 }, 'UAF', 'armed group').code).toBe('UAF');
  });

  it('leaves the country unknown when the places disagree and nothing else decides', () => {
    const m = mention('Protesters gathered in Bamako and in Niamey.', '2020-01-10', 'Protesters');
    expect(m.country).toBeNull();
    expect(m.code).toBe('OPP');
  });
});

describe('the store keeps the roles an actor held over time', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dyad-actors-'));
    store = openStore(join(dir, 'a.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists one person with a span per code, in time order, and finds him by name, entity and either code', () => {
    const docs = [
      analyze('Ahmed al-Sharaa said his fighters had taken Aleppo.', '2024-11-30', 'a1'),
      analyze('Ahmed al-Sharaa met the Turkish foreign minister in Damascus. Sharaa promised elections.', '2025-01-15', 'a2'),
      analyze('Syrian leader Ahmed al-Sharaa signed a decree.', '2025-03-10', 'a3'),
    ];
    for (const d of docs) store.addDoc(d, d.id);
    const [a] = listActors(store, { query: 'Sharaa' });
    expect(a).toMatchObject({ entity: 'person:ahmed-al-sharaa', kind: 'person', code: 'SYRGOV', mentions: 4, articles: 3 });
    expect(a.roles.map((r) => [r.code, r.from, r.to, r.mentions, r.articles])).toEqual([
      ['SYRREB', '2024-11-30', '2024-11-30', 1, 1],
      ['SYRGOV', '2025-01-15', '2025-03-10', 3, 2],
    ]);
    expect(listActors(store, { query: 'person:ahmed-al-sharaa' })[0].entity).toBe(a.entity);
    expect(listActors(store, { query: 'SYRREB' }).map((x) => x.entity)).toContain(a.entity);
    expect(listActors(store, { query: 'Ahmed', kind: 'country' })).toEqual([]);
    expect(actorRow(a).roles).toBe('SYRREB leader of Hayat Tahrir al-Sham 2024-11-30 (1); then SYRGOV de facto leader, then President 2025-01-15..2025-03-10 (3)');
  });

  it('orders actors by mentions and honours the limit', () => {
    const d = analyze('Niger and Mali signed a pact. Niger said the pact with Mali would hold. Niger thanked Chad.', '2024-01-02', 'b1');
    store.addDoc(d, 'b1');
    const all = listActors(store);
    expect(all[0].entity).toBe('country:NER');
    expect(all.map((x) => x.mentions)).toEqual([...all.map((x) => x.mentions)].sort((x, y) => y - x));
    expect(listActors(store, { limit: 1 })).toHaveLength(1);
  });
});
