// The actors stage: country, organisation, armed-group, person and sector-phrase mentions, each resolved to a
// CAMEO-style code with the reason it was coded that way. Lexicons load once, at module load.
//
// Conventions of the mentions it writes:
//  - kind: country  a phrase headed by a country word ("Niger", "French troops", "Niger's military junta");
//          group    a sector phrase without a country word ("the junta", "soldiers in Niger"), a named armed
//                   group (Boko Haram) or a region (Gulf states -> PGS);
//          person   a named person; the span covers the title and country qualifier ("United States Secretary
//                   Antony J. Blinken"), so the qualifier is not a mention of its own;
//          organisation  IGO/NGO (IGO:ECOWAS), state institutions and media (White House USAGOV, Washington
//                   Post USAJRN); location: a place, never an actor ("in Niger", "Washington D.C", datelines).
//  - code: ISO3 + sector (NERMIL), ISO3 alone when only the country is known (an adjective with no noun), the
//    sector alone when no country is known (gunmen -> UAF), IGO:/NGO:/IMG: + short name, UNK for a person
//    with neither.
//  - entity: country:NER (the state / its government), country:NER:MIL (another sector), person:<id>,
//    igo:ECOWAS, ngo:HRW, group:boko-haram, region:PGS, org:<slug>, place:<slug>, sector:CVL.
import type { ActorMention, Doc, Stage } from '../../core/types.js';
import { DyadError } from '../../core/errors.js';
import { Case, countryName, entriesFor, keysOf } from './lexicon.js';
import { findActors } from './find.js';

export { findActors };
export { actorContextStage, contextCountry, countryForSentence, fillActorCountries, impliedActor } from './context.js';

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
