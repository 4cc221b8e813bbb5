// The actors stage on the three seed articles (US-Niger relations 2021-2024) in ../shared/seeds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActorMention, Doc } from '../src/core/types.js';
import { segment } from '../src/stages/segment/segment.js';
import { findActors } from '../src/stages/actors/index.js';

const seeds = join(__dirname, '..', '..', 'shared', 'seeds');
const have = existsSync(seeds);
if (!have) console.warn(`skipping actor seed tests: ${seeds} not found`);

function seed(name: string, published: string): { doc: Doc; ms: ActorMention[] } {
  const text = readFileSync(join(seeds, name), 'utf8');
  const { sentences, tokens } = segment(text);
  const doc: Doc = { id: name, text, title: null, published, publishedFrom: 'metadata', url: null, source: null, sentences, tokens, actors: [], times: [], places: [], events: [], warnings: [] };
  return { doc, ms: findActors(doc) };
}

const find = (ms: ActorMention[], text: string) => ms.filter((m) => m.text === text);

function wellFormed(doc: Doc, ms: ActorMention[]): void {
  for (let i = 0; i < ms.length; i++) {
    expect(doc.text.slice(ms[i].start, ms[i].end)).toBe(ms[i].text);
    if (i) expect(ms[i].start).toBeGreaterThanOrEqual(ms[i - 1].end);
    expect(ms[i].reason.length).toBeGreaterThan(10);
  }
}

describe.skipIf(!have)('seed 2021-12-10: Blinken and Bazoum', () => {
  const { doc, ms } = have ? seed('000_c0d3f6bbb77224d9.txt', '2021-12-10') : ({ doc: null, ms: [] } as never);

  it('reads "United States Secretary Antony J. Blinken" as one person mention, USA GOV, role Secretary', () => {
    const [m] = find(ms, 'United States Secretary Antony J. Blinken');
    expect(m).toMatchObject({ kind: 'person', name: 'Antony J. Blinken', country: 'USA', sector: 'GOV', code: 'USAGOV', role: 'Secretary', entity: 'person:antony-blinken' });
    expect(m.reason).toMatch(/Secretary of State 2021-01-26\.\.2025-01-20 contains the article date 2021-12-10/);
  });

  it('reads "President Mohamed Bazoum of Niger" as NER GOV', () => {
    const [m] = find(ms, 'President Mohamed Bazoum of Niger');
    expect(m).toMatchObject({ kind: 'person', code: 'NERGOV', role: 'President', entity: 'person:mohamed-bazoum' });
  });

  it('resolves "Blinken and President Bazoum" later in the article to the same people', () => {
    expect(find(ms, 'Blinken')[0]).toMatchObject({ entity: 'person:antony-blinken', code: 'USAGOV' });
    expect(find(ms, 'President Bazoum')[0]).toMatchObject({ entity: 'person:mohamed-bazoum', code: 'NERGOV' });
  });

  it('codes the bare countries as governments and "Washington D.C" as a place', () => {
    expect(find(ms, 'United States of America')[0].code).toBe('USAGOV');
    expect(find(ms, 'Republic of Niger')[0].code).toBe('NERGOV');
    expect(find(ms, 'Washington D.C')[0]).toMatchObject({ kind: 'location', country: 'USA', sector: null });
    expect(find(ms, 'niger')[0].code).toBe('NERGOV');
    expect(find(ms, 'Niamey').map((m) => m.kind)).toEqual(['location', 'location']);
  });

  it('finds the organisations, including the odd-case "International Monetary fund"', () => {
    expect(ms.filter((m) => m.kind === 'organisation').map((m) => m.code)).toEqual(['IGO:UN', 'IGO:MNJTF', 'IGO:DISIS', 'IGO:UN', 'IGO:UN', 'IGO:IMF', 'IGO:IMF', 'IGO:WB', 'IGO:WTO', 'IGO:WTO']);
    expect(find(ms, 'Boko Haram')[0]).toMatchObject({ kind: 'group', code: 'NGAREB', entity: 'group:boko-haram' });
  });

  it('is well formed', () => wellFormed(doc, ms));
});

describe.skipIf(!have)('seed 2024-03-28: the junta ends the security pact', () => {
  const { doc, ms } = have ? seed('001_43e72c34e3b3f8d7.txt', '2024-03-28') : ({ doc: null, ms: [] } as never);

  it('reads "Niger\'s military junta" as NER MIL', () => {
    expect(find(ms, "Niger's military junta")[0]).toMatchObject({ kind: 'country', code: 'NERMIL', entity: 'country:NER:MIL' });
    expect(find(ms, 'Nigerien junta')[0].code).toBe('NERMIL');
    expect(find(ms, 'Nigerien army')[0].code).toBe('NERMIL');
  });

  it('carries the junta through the article', () => {
    const later = find(ms, "junta's");
    expect(later.length).toBe(3);
    for (const m of later) expect(m.code).toBe('NERMIL');
    expect(later[0].reason).toMatch(/refers back to "Niger's military junta"/);
  });

  it('reads "Doha" as the government of Qatar and the Gulf states as a region', () => {
    expect(find(ms, 'Doha')[0]).toMatchObject({ code: 'QATGOV', country: 'QAT', sector: 'GOV' });
    expect(find(ms, 'Gulf states')[0]).toMatchObject({ code: 'PGS', kind: 'group' });
    expect(find(ms, 'European Union')[0].code).toBe('IGO:EU');
  });

  it('is well formed', () => wellFormed(doc, ms));
});

describe.skipIf(!have)('seed 2023-11-16: mutinous soldiers in Niger', () => {
  const { doc, ms } = have ? seed('002_dcdeab547d76848a.txt', '2023-11-16') : ({ doc: null, ms: [] } as never);

  it('reads "Mutinous soldiers in Niger" as NER MIL', () => {
    expect(find(ms, 'Mutinous soldiers in Niger')[0]).toMatchObject({ code: 'NERMIL', country: 'NER', sector: 'MIL' });
  });

  it('gives "the military junta" and "the coup leader" the focus country NER, and says so', () => {
    for (const text of ['military junta', 'coup leader']) {
      const [m] = find(ms, text);
      expect(m.code).toBe('NERMIL');
      expect(m.reason).toMatch(/focus country NER/);
    }
  });

  it('keeps President Bazoum NER GOV after the coup, as the deposed president', () => {
    for (const text of ['President Mohamed Bazoum', 'President Bazoum']) {
      const [m] = find(ms, text);
      expect(m).toMatchObject({ kind: 'person', code: 'NERGOV', entity: 'person:mohamed-bazoum' });
      expect(m.reason).toMatch(/former President.*deposed/);
    }
  });

  it('reads ECOWAS as IGO:ECOWAS and the Washington Post as a newspaper, not the US government', () => {
    expect(find(ms, 'ECOWAS').map((m) => m.code)).toEqual(['IGO:ECOWAS', 'IGO:ECOWAS', 'IGO:ECOWAS']);
    const [post] = find(ms, 'Washington Post');
    expect(post).toMatchObject({ kind: 'organisation', code: 'USAJRN' });
    expect(ms.filter((m) => m.code === 'USAGOV').map((m) => m.text)).toEqual(['United States', 'U.S.', 'U.S.']);
  });

  it('is well formed', () => wellFormed(doc, ms));
});
