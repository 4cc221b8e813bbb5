// The actors stage: country, organisation, armed-group, person and sector-phrase mentions, each resolved to a
// CAMEO-style code with the reason it was coded that way. Lexicons load once, at module load.
import type { ActorMention, Doc, Stage } from '../../core/types.js';
import { DyadError } from '../../core/errors.js';
import { Case, countryName, entriesFor, keysOf } from './lexicon.js';
import { findActors } from './find.js';

export { findActors };

export const actorsStage: Stage = {
  name: 'actors',
  process(doc: Doc) {
    if (!doc.tokens.length && doc.text.trim()) {
      throw new DyadError('USAGE', 'the actors stage needs tokens: run the segment stage first');
    }
    doc.actors = findActors(doc);
  },
};

/** The country a name, short name, adjective, demonym or capital stands for ("Nigerien", "Niamey", "U.S."). */
export function lookupCountry(name: string): { iso3: string; name: string } | null {
  const trimmed = name.trim().replace(/^the\s+/i, '').replace(/['’]s?$/, '');
  if (!trimmed) return null;
  for (const e of entriesFor(keysOf(trimmed))) {
    if (e.type !== 'country') continue;
    if (e.caseRule === Case.Upper && trimmed !== trimmed.toUpperCase()) continue;
    return { iso3: e.iso3[0], name: countryName(e.iso3[0]) };
  }
  return null;
}

export type { ActorMention };
