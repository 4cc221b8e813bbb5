import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine.js';
import { loadAcledWithLocation, loadEventLocation, sameAdmin1, scoreEventLocation, scorePlacesAcled } from '../eval/places.js';

const evalDir = join(process.cwd(), '..', 'shared', 'eval');
const acledFile = join(evalDir, 'acled-sahel', 'dev.csv');
const eventLocationFile = join(evalDir, 'event-location', 'labeled_text.jsonl.zip');

describe('places scorer', () => {
  it('compares admin1 names across spellings, and across region splits only when asked', () => {
    expect(sameAdmin1('Tillabery', 'Tillabéri', false)).toBe(true);
    expect(sameAdmin1('Haut-Bassins', 'Hauts-Bassins', false)).toBe(true);
    expect(sameAdmin1('Ville de NDjamena', 'N’Djaména', false)).toBe(true);
    expect(sameAdmin1('Gao', 'Ménaka', false)).toBe(false);
    expect(sameAdmin1('Gao', 'Ménaka', true)).toBe(true);
    expect(sameAdmin1('Mopti', null, true)).toBe(false);
  });
});

// Floors under the dev-set figures (see the report in eval/places.ts), on a slice to stay quick.
describe.skipIf(!existsSync(eventLocationFile))('event location (needs ../shared/eval/event-location)', () => {
  it('finds the event location span in most sentences that have one', () => {
    const r = scoreEventLocation(loadEventLocation(eventLocationFile).slice(0, 1500));
    expect(r.exact.f1).toBeGreaterThan(0.5);
    expect(r.detectRecall).toBeGreaterThan(0.7);
  });
});

describe.skipIf(!existsSync(acledFile))('ACLED Sahel locations (needs ../shared/eval/acled-sahel)', () => {
  it('locates notes to the gold admin1 and within 50 km at the current level', () => {
    const r = scorePlacesAcled(loadAcledWithLocation(acledFile).slice(0, 400), createEngine());
    expect(r.country).toBeGreaterThan(0.45);
    expect(r.admin1).toBeGreaterThan(0.25);
    expect(r.within50km).toBeGreaterThan(0.25);
  }, 60_000);
});

if (!existsSync(evalDir)) console.warn(`places-eval: ${evalDir} not found; the gold-data tests are skipped`);
