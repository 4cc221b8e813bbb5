import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine.js';

const engine = createEngine();

describe('violence and protests with no named doer', () => {
  it('codes an attack by nobody named as an unnamed armed group of the country where it happened', () => {
    const doc = engine.analyze({ text: 'Three soldiers were killed when their patrol was attacked near Gao, in northern Mali, on Sunday.', published: '2019-03-12' });
    const attack = doc.events.find((e) => e.event === 'ASSAULT');
    expect(attack?.source?.code).toBe('MLIUAF');
    expect(attack?.reason).toMatch(/unnamed armed group/);
  });

  it('codes an unattributed protest as protesters of that country', () => {
    const doc = engine.analyze({ text: 'Hundreds demonstrated in Niamey, Niger, on Friday against the rising cost of living.', published: '2019-03-12' });
    const protest = doc.events.find((e) => e.event === 'PROTEST');
    expect(protest?.source?.country).toBe('NER');
    expect(protest?.source?.sector).toBe('OPP');
  });

  it('keeps a named attacker, and is less confident of an implied one', () => {
    const named = engine.analyze({ text: 'Boko Haram fighters attacked a military base in Diffa, Niger, on Sunday.', published: '2019-03-12' });
    const attack = named.events.find((e) => e.event === 'ASSAULT');
    // The named group is kept; acting in Niger, one of the countries it is based in, it is coded to Niger.
    expect(attack?.source?.entity).toBe('group:boko-haram');
    expect(attack?.source?.code).toBe('NERREB');
    const implied = engine.analyze({ text: 'A military base was attacked in Diffa, Niger, on Sunday.', published: '2019-03-12' });
    const unnamed = implied.events.find((e) => e.event === 'ASSAULT');
    expect(unnamed?.source?.code).toBe('NERUAF');
    expect(unnamed!.confidence).toBeLessThan(attack!.confidence);
  });

  it('gives an attack with no doer named to the armed group the report says claimed it', () => {
    const doer = (text: string) => engine.analyze({ text, published: '2019-03-12' }).events.find((e) => e.event === 'ASSAULT')?.source;
    const claimed = doer('A Malian army vehicle was struck by an IED near Gao. JNIM claimed responsibility for the attack.');
    expect(claimed?.entity).toBe('group:jnim');
    expect(claimed?.reason).toMatch(/claimed/);
    const planted = doer('Two civilians were killed when their cart was struck by an IED near Gao. The IED was most likely planted by Katiba Macina militants.');
    expect(planted?.entity).toBe('group:katiba-macina');
    // The group that was attacked is not made the attacker.
    expect(doer('Two JNIM militants were killed in an air strike near Gao; JNIM claimed the convoy had been civilian.')?.entity).not.toBe('group:jnim');
    // Named but not claiming: the doer stays an unnamed armed group.
    expect(doer('A Malian army vehicle was struck by an IED near Gao. JNIM is active in the area.')?.entity).toBe('country:MLI:UAF');
  });

  it('codes a transnational armed group to the country it acts in when it is based there, else to its home', () => {
    const code = (text: string) => engine.analyze({ text, published: '2019-03-12' }).events.find((e) => e.event === 'ASSAULT')?.source;
    const burkina = code('JNIM militants attacked a gendarmerie post in Djibo, Burkina Faso.');
    expect(burkina?.code).toBe('BFAREB');
    expect(burkina?.reason).toMatch(/based in/);
    expect(code('JNIM militants attacked an army camp near Gao, Mali.')?.code).toBe('MLIREB');
    // Not a country the group is based in: its own code stays.
    expect(code('Boko Haram fighters attacked a market in Accra.')?.code).toBe('NGAREB');
  });
});
