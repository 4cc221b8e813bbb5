// The mapping tables are data; these tests hold them to the facts in ../shared/docs/ontology.md and to each other.
import { describe, expect, it } from 'vitest';
import {
  ACLED_RULES, CAMEO_ROOTS, MODE_CAMEO, PLOVER, PLOVER_TYPES, acledCategory, acledLegacyType, codeEvent, toPlvRoot,
} from '../src/ontology/index.js';
import { loadEventLexicon, parseEventLexicon } from '../src/lexicons/events.js';
import { inflect } from '../src/lexicons/inflect.js';

describe('PLOVER, CAMEO, Goldstein, quad', () => {
  it('declares the quad of every PLOVER type as dyad does (SANCTION 4, CONCEDE and RETREAT 2)', () => {
    const quads = Object.fromEntries(PLOVER_TYPES.map((t) => [t, PLOVER[t].quad]));
    expect(quads).toEqual({
      AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 2, COOPERATE: 2, AID: 2, RETREAT: 2, REQUEST: 3, ACCUSE: 3,
      REJECT: 3, THREATEN: 3, PROTEST: 4, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
    });
  });

  it('has the published Goldstein value for each CAMEO root', () => {
    expect(Object.keys(CAMEO_ROOTS)).toHaveLength(20);
    expect(CAMEO_ROOTS['04'].goldstein).toBe(1);
    expect(CAMEO_ROOTS['15'].goldstein).toBe(-7.2);
    expect(CAMEO_ROOTS['18'].goldstein).toBe(-9);
    expect(CAMEO_ROOTS['20'].goldstein).toBe(-10);
  });

  it('points every type and mode at a CAMEO root that exists', () => {
    for (const t of PLOVER_TYPES) expect(CAMEO_ROOTS[PLOVER[t].cameo], t).toBeDefined();
    for (const [key, root] of Object.entries(MODE_CAMEO)) {
      const [type, mode] = key.split('/');
      expect(PLOVER[type as keyof typeof PLOVER].modes, key).toContain(mode);
      expect(CAMEO_ROOTS[root], key).toBeDefined();
    }
  });

  it('codes type and mode together', () => {
    expect(codeEvent('ASSAULT', 'aerial')).toEqual({ event: 'ASSAULT', mode: 'aerial', quad: 4, cameo: '19', goldstein: -10 });
    expect(codeEvent('SANCTION', 'discontinue')).toMatchObject({ quad: 4, cameo: '16', goldstein: -4 });
    expect(codeEvent('CONSULT', null)).toMatchObject({ quad: 1, cameo: '04', goldstein: 1 });
  });

  it('merges CONCEDE and RETREAT into YIELD for PLV', () => {
    expect(toPlvRoot('RETREAT')).toBe('YIELD');
    expect(toPlvRoot('CONCEDE')).toBe('YIELD');
    expect(toPlvRoot('AID')).toBe('AID');
  });
});

describe('ACLED', () => {
  it('uses only valid PLOVER types and modes', () => {
    for (const r of ACLED_RULES) {
      expect(PLOVER_TYPES).toContain(r.event);
      if (r.mode !== '*') expect(PLOVER[r.event].modes).toContain(r.mode);
    }
  });

  it('separates attacks on civilians from battles between armed groups', () => {
    expect(acledCategory('ASSAULT', 'firearms', 'CVL')?.event_type).toBe('Violence against civilians');
    expect(acledCategory('ASSAULT', 'firearms', 'MIL')).toEqual({ event_type: 'Battles', sub_event_type: 'Armed clash' });
    expect(acledCategory('ASSAULT', 'drone', 'MIL')?.sub_event_type).toBe('Air/drone strike');
    expect(acledCategory('CONSULT', null, 'GOV')).toBeNull();
  });

  it('maps current ACLED types to the older export types', () => {
    expect(acledLegacyType('Battles', 'Armed clash')).toBe('Battle-No change of territory');
    expect(acledLegacyType('Explosions/Remote violence', 'Air/drone strike')).toBe('Remote violence');
    expect(acledLegacyType('Protests', 'Peaceful protest')).toBe('Riots/Protests');
  });
});

describe('event lexicon', () => {
  it('loads the shipped lexicon with entries for every PLOVER type', () => {
    const lex = loadEventLexicon();
    for (const t of PLOVER_TYPES) expect(lex.entries.some((e) => e.event === t), t).toBe(true);
    expect(lex.entries.every((e) => e.reason.length > 0)).toBe(true);
  });

  it('reports a bad entry with its file and line', () => {
    expect(() => parseEventLexicon('# header\nsign\tSIGN\t\t\tx\n', 'bad.tsv')).toThrow(/bad\.tsv:2: unknown PLOVER type "SIGN"/);
    expect(() => parseEventLexicon('attack\tASSAULT\tbombs\t\tx\n', 'bad.tsv')).toThrow(/bad\.tsv:1: mode "bombs"/);
    expect(() => parseEventLexicon('.. attack\tASSAULT\t\t\tx\n', 'bad.tsv')).toThrow(/bad\.tsv:1/);
  });

  it('inflects lemmas to the forms news uses', () => {
    expect(inflect('meet')).toEqual(expect.arrayContaining(['meets', 'met', 'meeting']));
    expect(inflect('ban')).toEqual(expect.arrayContaining(['bans', 'banned', 'banning']));
    expect(inflect('expel')).toEqual(expect.arrayContaining(['expelled', 'expelling']));
    expect(inflect('deny')).toEqual(expect.arrayContaining(['denies', 'denied']));
    expect(inflect('seize')).toEqual(expect.arrayContaining(['seized', 'seizing']));
    expect(inflect('kidnap')).toEqual(expect.arrayContaining(['kidnapped', 'kidnapped']));
  });
});
