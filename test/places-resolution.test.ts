import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../src/engine.js';
import { actorsStage } from '../src/stages/actors/index.js';
import { segmentStage } from '../src/stages/segment/segment.js';
import { getGazetteer, pickEventPlace, placesStage, resolvePlace, type PlaceMention } from '../src/stages/places/index.js';
import { distanceKm } from '../src/stages/places/gazetteer.js';

// Disambiguation and phrasing rules of the places stage: a place inside the region named with it, a name
// shared by the doc's places, districts at their seats, road phrases, "the X area of Y".
function places(text: string): PlaceMention[] {
  const doc = emptyDoc({ text, published: '2020-06-01' });
  segmentStage.process(doc);
  actorsStage.process(doc);
  placesStage.process(doc);
  return doc.places as PlaceMention[];
}
const byText = (ps: PlaceMention[], text: string) => ps.find((p) => p.text === text);
const near = (p: { lat: number | null; lon: number | null } | null | undefined, lat: number, lon: number, km = 20) =>
  !!p && p.lat !== null && p.lon !== null && distanceKm(p.lat, p.lon, lat, lon) <= km;

describe('places resolution', () => {
  it('reads a place inside the region or country named after it', () => {
    const ps = places('Gunmen attacked a bus in Paris, Texas, on Monday.');
    expect(byText(ps, 'Paris')).toMatchObject({ country: 'USA', admin1: 'Texas' });
    // No place of that name in the region: kept, at the region, not at a namesake abroad.
    const lere = byText(places('A Malian army vehicle was struck by an IED near Lere, Tombouctou Region, on Sunday.'), 'Lere');
    expect(lere).toMatchObject({ country: 'MLI', admin1: 'Tombouctou', precision: 'near' });
  });

  it('prefers a first-level region to a small namesake that is no seat', () => {
    expect(resolvePlace('Texas', [])).toMatchObject({ country: 'USA', admin1: 'Texas' });
  });

  it('places a district at its seat when the seat has another name', () => {
    const bam = getGazetteer().resolveDistrict('Bam Province', ['BFA']);
    expect(bam).toMatchObject({ country: 'BFA', level: 'admin2', admin1: 'Centre-Nord' });
    expect(near(bam, 13.33, -1.53, 30)).toBe(true); // Kongoussi
  });

  it('reads a region name spelt another way before a region word', () => {
    const ps = places('Gunmen killed two herders in the Tillabery Region on Friday.');
    expect(ps.find((p) => p.text.startsWith('Tillabery'))).toMatchObject({ country: 'NER', level: 'admin1', admin1: 'Tillabéri' });
  });

  it('finds the places a road joins', () => {
    const a = places('One soldier was killed in an IED attack on the Hombori-Douentza road.');
    expect(byText(a, 'Douentza')).toMatchObject({ country: 'MLI', admin1: 'Mopti' });
    const b = places('An IED struck a convoy on the road linking Douentza and Boni.');
    expect(byText(b, 'Douentza')).toMatchObject({ country: 'MLI', cue: 'between' });
  });

  it('takes "the X area of Y" and "X district of Y" as X, inside Y', () => {
    const a = places('A clash left five dead in the Tenenkou area of Mopti.');
    expect(byText(a, 'Tenenkou')).toMatchObject({ country: 'MLI', admin1: 'Mopti', cue: 'at' });
    expect(byText(a, 'Mopti')?.cue).toBe('relative');
    const b = places('A shepherd was killed by militiamen in Niono district of Segou.');
    expect(byText(b, 'Niono')).toMatchObject({ country: 'MLI', admin1: 'Ségou' });
  });

  it('takes the place after a possessive place as the finer one, and the possessive one as its context', () => {
    const text = "Gunmen killed a village administrator in Mogadishu's Yaqshid district on Sunday night.";
    const ps = places(text);
    const at = text.indexOf('killed');
    const picked = pickEventPlace(ps, 0, at, at + 'killed'.length);
    expect(picked?.text).toBe('Yaqshid');
    expect(picked).toMatchObject({ country: 'SOM', precision: 'near' });
  });

  it('reads the place of a role ("the mayor of X") only when the whole name is a place', () => {
    expect(byText(places('Gunmen killed the mayor of Ouahigouya on Friday.'), 'Ouahigouya')).toMatchObject({ country: 'BFA' });
    expect(places('The governor of the Central Bank resigned on Friday.')).toEqual([]);
  });
});
