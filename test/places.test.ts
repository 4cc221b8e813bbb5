import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../src/engine.js';
import type { Doc } from '../src/core/types.js';
import { actorsStage } from '../src/stages/actors/index.js';
import { segmentStage } from '../src/stages/segment/segment.js';
import { eventPlace, pickEventPlace, placesStage, resolvePlace, type PlaceMention } from '../src/stages/places/index.js';
import { distanceKm, editDistance, placeKey } from '../src/stages/places/gazetteer.js';

// The places stage reads the actors stage's mentions, so docs go through segment and actors first.
function places(text: string): { doc: Doc; places: PlaceMention[] } {
  const doc = emptyDoc({ text, published: '2020-06-01' });
  segmentStage.process(doc);
  actorsStage.process(doc);
  placesStage.process(doc);
  return { doc, places: doc.places as PlaceMention[] };
}

const byText = (ps: PlaceMention[], text: string) => ps.find((p) => p.text === text);
const near = (p: { lat: number | null; lon: number | null } | null | undefined, lat: number, lon: number, km = 15) =>
  !!p && p.lat !== null && p.lon !== null && distanceKm(p.lat, p.lon, lat, lon) <= km;

describe('resolvePlace', () => {
  it('resolves Sahel capitals and regional seats to country, admin1 and coordinates', () => {
    const niamey = resolvePlace('Niamey', []);
    expect(niamey).toMatchObject({ name: 'Niamey', country: 'NER', admin1: 'Niamey' });
    expect(near(niamey, 13.51, 2.11)).toBe(true);
    const agadez = resolvePlace('Agadez', ['NER']);
    expect(agadez).toMatchObject({ country: 'NER', admin1: 'Agadez' });
    expect(near(agadez, 16.97, 7.99)).toBe(true);
    expect(agadez!.population).toBeGreaterThan(50_000);
  });

  it('reads names without their accents and apostrophes', () => {
    expect(resolvePlace('Menaka', ['MLI'])).toMatchObject({ name: 'Ménaka', country: 'MLI', admin1: 'Ménaka' });
    expect(resolvePlace('Ménaka', [])).toMatchObject({ name: 'Ménaka', country: 'MLI' });
    expect(resolvePlace('NDjamena', [])).toMatchObject({ country: 'TCD' });
    expect(resolvePlace("N'Djamena", [])).toMatchObject({ country: 'TCD' });
  });

  it('picks among places of the same name by the article countries, then by population', () => {
    // Kidal is also a hamlet in East Java; Gao also a village of Burkina Faso's Centre-Ouest.
    expect(resolvePlace('Kidal', [])).toMatchObject({ country: 'MLI', admin1: 'Kidal' });
    expect(resolvePlace('Gao', [])).toMatchObject({ country: 'MLI', admin1: 'Gao' });
    expect(resolvePlace('Gao', ['BFA'])).toMatchObject({ country: 'BFA', admin1: 'Centre-Ouest' });
    expect(resolvePlace('Paris', [])).toMatchObject({ country: 'FRA' });
    expect(resolvePlace('Tripoli', ['LBN'])).toMatchObject({ country: 'LBN' });
  });

  it('resolves a region and a country, and says no to a small namesake abroad', () => {
    expect(resolvePlace('Tillabéri Region', ['NER'])).toMatchObject({ country: 'NER', admin1: 'Tillabéri' });
    expect(resolvePlace('Mali', [])).toMatchObject({ name: 'Mali', country: 'MLI', admin1: null });
    // "Ber" (a Malian village GeoNames lacks) is an alternate name of Véroia in Greece: not for a Malian story.
    expect(resolvePlace('Ber', ['MLI'])).toBeNull();
    expect(resolvePlace('Qwxzzy', [])).toBeNull();
  });

  it('forgives a misspelling within the article countries', () => {
    expect(resolvePlace('Ouagadaougou', ['BFA'])).toMatchObject({ name: 'Ouagadougou', country: 'BFA' });
  });
});

describe('placesStage', () => {
  it('finds places after locative cues and resolves them', () => {
    const { places: ps } = places('Gunmen attacked a convoy in Ménaka on Sunday, and soldiers were later sent to Agadez.');
    expect(byText(ps, 'Ménaka')).toMatchObject({ country: 'MLI', admin1: 'Ménaka', cue: 'at', level: 'place' });
    expect(byText(ps, 'Agadez')).toMatchObject({ country: 'NER', cue: 'to' });
  });

  it('resolves a Malian village named in a Sahel report and keeps its span', () => {
    const text = 'On May 3, presumed JNIM militants ambushed a Malian army patrol near Aguelhok in the Kidal region.';
    const { places: ps } = places(text);
    const village = byText(ps, 'Aguelhok')!;
    expect(village).toMatchObject({ country: 'MLI', admin1: 'Kidal', cue: 'at', level: 'place' });
    expect(text.slice(village.start, village.end)).toBe('Aguelhok');
    expect(near(village, 19.46, 0.86)).toBe(true);
    expect(byText(ps, 'Kidal')).toMatchObject({ level: 'admin1', admin1: 'Kidal' });
  });

  it('keeps a village the gazetteer lacks, placed at the place named with it', () => {
    const { places: ps } = places('Fighting broke out in the village of Gorongo, 20 km north of Ménaka, in Mali.');
    const gorongo = byText(ps, 'Gorongo')!;
    expect(gorongo).toMatchObject({ name: 'Gorongo', country: 'MLI', admin1: 'Ménaka', level: null, precision: 'near' });
    expect(gorongo.reason).toMatch(/not in the gazetteer/);
    expect(byText(ps, 'Ménaka')).toMatchObject({ cue: 'relative', level: 'place' });
    expect(byText(ps, 'Mali')).toMatchObject({ level: 'country', country: 'MLI' });
  });

  it('reads lists, region words, datelines and the capital of a country adjective', () => {
    const { places: ps } = places('GAO, Mali (Reuters) - Militants attacked posts in Kidal, Tessalit and Aguelhok and in the Tillaberi region.');
    expect(byText(ps, 'GAO')).toMatchObject({ name: 'Gao', cue: 'dateline', country: 'MLI' });
    for (const name of ['Kidal', 'Tessalit', 'Aguelhok']) expect(byText(ps, name)).toMatchObject({ country: 'MLI', admin1: 'Kidal' });
    expect(byText(ps, 'Tillaberi')).toMatchObject({ country: 'NER', level: 'admin1', admin1: 'Tillabéri' });
    const { places: cap } = places('Security forces dispersed a march in the Chadian capital on Monday.');
    expect(cap.find((p) => p.text.includes('capital'))).toMatchObject({ name: "N'Djamena", country: 'TCD' });
  });

  it('does not take people, organisations or events for places', () => {
    const { places: ps } = places('President Bazoum met officials of ECOWAS in Niamey after the 1967 Mideast war was discussed.');
    expect(ps.map((p) => p.text)).toEqual(['Niamey']);
  });
});

describe('placesStage: names that open a sentence, peoples, spelling without a country', () => {
  it('takes a known town that opens a sentence before a verb, not a city name before the noun it qualifies', () => {
    expect(byText(places('Kidal subjected to mortar fire this morning.').places, 'Kidal')).toMatchObject({ country: 'MLI' });
    expect(byText(places('Baghdad was heavily bombed overnight.').places, 'Baghdad')).toMatchObject({ country: 'IRQ' });
    expect(places('Mobile phones were seized by the police.').places).toEqual([]);
  });

  it('does not read the name of a people as a place', () => {
    const { places: ps } = places('Clashes between Fulani and Dogons left ten dead near Bankass, while Tama herders fled.');
    expect(ps.map((p) => p.text)).toEqual(['Bankass']);
    expect(ps[0].country).toBe('MLI');
  });

  it("reads a province of the article's country before a city of that name abroad", () => {
    const bam = byText(places('Armed men attacked a convoy near Kongoussi in Bam.').places, 'Bam');
    expect(bam).toMatchObject({ country: 'BFA', level: 'admin2' });
  });

  it('matches a long misspelt name anywhere when the note names no country', () => {
    const p = byText(places('Unidentified gunmen killed two civilians 20 km from Anderamboukane.').places, 'Anderamboukane');
    expect(p).toMatchObject({ country: 'MLI', cue: 'relative' });
  });

  it('takes a country the actors stage read as an actor as the place after a static cue', () => {
    const text = 'A string of bomb attacks killed 14 people in Iraq on Saturday.';
    const { places: ps } = places(text);
    const at = text.indexOf('killed');
    expect(pickEventPlace(ps, 0, at, at + 6)).toMatchObject({ text: 'Iraq', level: 'country', country: 'IRQ' });
    const over = 'Arad was shot down during a bombing mission over Lebanon in October 1986.';
    const shot = over.indexOf('shot');
    expect(pickEventPlace(places(over).places, 0, shot, shot + 4)).toMatchObject({ text: 'Lebanon', country: 'LBN' });
  });
});

describe('event place', () => {
  it('is the inner place, not the larger one named as where it lies', () => {
    const text = 'At least seven civilians were killed in the village of Sousan in northern Aleppo on Sunday.';
    const { places: ps } = places(text);
    const at = text.indexOf('killed');
    expect(pickEventPlace(ps, 0, at, at + 6)).toMatchObject({ text: 'Sousan' });
    // A list is not a place and its context: each stays a place of its own.
    const list = 'Fighting has been concentrated mainly in the Farchana, Iriba, Biltine and Guereda areas.';
    const lp = places(list).places;
    expect(byText(lp, 'Iriba')?.cue).toBe('at');
    expect(byText(lp, 'Biltine')?.cue).toBe('at');
  });

  it('takes a known place after a part or a fight with "of"', () => {
    const text = 'By early 2003, the insurgents had captured much of Liberia.';
    const { places: ps } = places(text);
    const at = text.indexOf('captured');
    expect(pickEventPlace(ps, 0, at, at + 8)).toMatchObject({ text: 'Liberia', country: 'LBR' });
  });

  it('is where the event happened, not any place of the sentence', () => {
    const text = 'Soldiers sent from Niamey attacked militants near Ménaka on Friday.';
    const { doc, places: ps } = places(text);
    const at = text.indexOf('attacked');
    const p = pickEventPlace(ps, 0, at, at + 'attacked'.length);
    expect(p).toMatchObject({ name: 'Ménaka', country: 'MLI' });
    expect(eventPlace(doc.places, 0, at, at + 8)).toEqual({ name: 'Ménaka', country: 'MLI', admin1: 'Ménaka', lat: p!.lat, lon: p!.lon });
  });

  it('prefers a place inside a country to the country', () => {
    const text = "Gunmen killed two herders in Mali's Mopti region on Sunday.";
    const { places: ps } = places(text);
    const at = text.indexOf('killed');
    expect(pickEventPlace(ps, 0, at, at + 6)).toMatchObject({ level: 'admin1', admin1: 'Mopti', country: 'MLI' });
  });

  it('falls back to the article place, then to a given country at its capital', () => {
    const text = 'Gunmen attacked a market in Gao. Two people were killed.';
    const { doc } = places(text);
    const at = text.indexOf('killed');
    expect(eventPlace(doc.places, 1, at, at + 6)).toMatchObject({ name: 'Gao', country: 'MLI' });
    const none = places('Two people were killed on Monday.');
    const loc = eventPlace(none.doc.places, 0, 16, 22, 'BFA');
    expect(loc).toMatchObject({ name: 'Burkina Faso', country: 'BFA', admin1: null });
    expect(near(loc, 12.37, -1.53, 20)).toBe(true); // Ouagadougou
  });
});

describe('gazetteer helpers', () => {
  it('folds names to look-up keys', () => {
    expect(placeKey("N'Djaména")).toBe('ndjamena');
    expect(placeKey('Bobo-Dioulasso')).toBe('bobodioulasso');
    expect(placeKey('Ménaka')).toBe(placeKey('MENAKA'));
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('timbuktu', 'timbutku', 2)).toBe(1);
    expect(editDistance('ouagadougou', 'ouagadaougou', 2)).toBe(1);
    expect(editDistance('gao', 'kidal', 1)).toBe(2);
  });
});
