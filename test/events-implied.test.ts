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
    expect(attack?.source?.code).toBe('NGAREB');
    const implied = engine.analyze({ text: 'A military base was attacked in Diffa, Niger, on Sunday.', published: '2019-03-12' });
    const unnamed = implied.events.find((e) => e.event === 'ASSAULT');
    expect(unnamed?.source?.code).toBe('NERUAF');
    expect(unnamed!.confidence).toBeLessThan(attack!.confidence);
  });
});
