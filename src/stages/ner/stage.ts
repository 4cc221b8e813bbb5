// The entities stage: names the actor lexicons do not know. It runs after the actors stage and adds a mention for
// each person (PER) or organisation (ORG) the tagger finds where no actor or place mention stands, so an
// untitled "Masih Alinejad" or an unlisted "Sahel Solidarity Front" is still an actor of the story. Such mentions
// have no country or sector of their own (code UNK); a later bare surname is the same person.
//
// Cost: the tagger reads only sentences with a capitalised word that no mention covers (most sentences are
// fully explained by the lexicons, or hold no name at all).
import type { ActorMention, Doc, Stage, Token } from '../../core/types.js';
import { slug } from '../actors/lexicon.js';
import { getEntityTagger } from './index.js';

/** Words that start a sentence capitalised without being names: no reason to run the tagger for them. */
function isCapitalised(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

export const entitiesStage: Stage = {
  name: 'entities',
  process(doc: Doc) {
    if (!doc.sentences.length) return;
    const covered = new Uint8Array(doc.tokens.length);
    const cover = (start: number, end: number) => {
      // Mentions are in character offsets; tokens are sorted by start.
      let lo = 0;
      let hi = doc.tokens.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (doc.tokens[mid].end <= start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < doc.tokens.length && doc.tokens[i].start < end; i++) covered[i] = 1;
    };
    for (const m of doc.actors) cover(m.start, m.end);
    for (const p of doc.places) cover(p.start, p.end);

    const tagger = getEntityTagger();
    const added: ActorMention[] = [];
    // Surname (or any tail of a full name) -> the person named in full earlier in this article.
    const bySurname = new Map<string, { name: string; entity: string }>();
    for (const s of doc.sentences) {
      let open = false;
      for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
        if (!covered[i] && isCapitalised(doc.tokens[i])) {
          open = true;
          break;
        }
      }
      if (!open && !(s.tokenEnd > s.tokenStart && !covered[s.tokenStart] && isCapitalised(doc.tokens[s.tokenStart]) && s.tokenEnd - s.tokenStart > 1)) continue;
      for (const e of tagger.tag(doc.tokens, s.tokenStart, s.tokenEnd)) {
        if (e.type !== 'PER' && e.type !== 'ORG') continue;
        // A lone capitalised word opening a sentence ("Moreover", "Analysis") or a two-letter acronym ("AI") is
        // more often a common word than a name the lexicons missed.
        if (e.end - e.start === 1 && (e.start === s.tokenStart || doc.tokens[e.start].text.length <= 2)) continue;
        let free = true;
        for (let i = e.start; i < e.end; i++) if (covered[i]) free = false;
        if (!free) continue;
        const first = doc.tokens[e.start];
        // "Mhlanga's": the name without the possessive.
        let lastIndex = e.end - 1;
        if (lastIndex > e.start && (doc.tokens[lastIndex].lower === "'s" || doc.tokens[lastIndex].lower === '’s')) lastIndex--;
        const last = doc.tokens[lastIndex];
        const possessive = /['’]s$/i.test(last.text) ? 2 : 0;
        const endChar = last.end - possessive;
        const text = doc.text.slice(first.start, endChar);
        if (e.type === 'PER') {
          // "Mensah" or "Mensah-Darko" after "Kofi Mensah-Darko": the tail of a name given in full before.
          const earlier = bySurname.get(text.toLowerCase());
          const entity = earlier ? earlier.entity : `person:${slug(text)}`;
          const name = earlier ? earlier.name : text;
          if (!earlier) {
            const words = text.split(/\s+/);
            for (let w = 1; w < words.length; w++) {
              const tail = words.slice(w).join(' ').toLowerCase();
              if (!bySurname.has(tail)) bySurname.set(tail, { name, entity });
            }
          }
          added.push({
            start: first.start,
            end: endChar,
            text,
            kind: 'person',
            name,
            country: null,
            sector: null,
            code: 'UNK',
            entity,
            sentence: s.index,
            reason: earlier ? `surname of ${name} named earlier (named-entity tagger)` : 'a person the named-entity tagger found; no country or role stated',
          });
        } else {
          added.push({
            start: first.start,
            end: endChar,
            text,
            kind: 'organisation',
            name: text,
            country: null,
            sector: null,
            code: 'UNK',
            entity: `org:${slug(text)}`,
            sentence: s.index,
            reason: 'an organisation the named-entity tagger found; not in the organisation lexicon',
          });
        }
      }
    }
    // Bare surnames the tagger missed ("Later, Mensah-Darko said"): any uncovered capitalised run that is the
    // tail of a name given in full earlier.
    if (bySurname.size) {
      for (const m of added) cover(m.start, m.end);
      const tokens = doc.tokens;
      for (const s of doc.sentences) {
        for (let i = s.tokenStart; i < s.tokenEnd; i++) {
          if (covered[i] || !isCapitalised(tokens[i])) continue;
          for (let j = Math.min(s.tokenEnd, i + 4) - 1; j >= i; j--) {
            const text = doc.text.slice(tokens[i].start, tokens[j].end);
            const earlier = bySurname.get(text.toLowerCase());
            const before = added.find((m) => m.entity === earlier?.entity);
            if (!earlier || !before || before.start >= tokens[i].start || covered[j]) continue;
            added.push({ ...before, start: tokens[i].start, end: tokens[j].end, text, sentence: s.index, reason: `surname of ${earlier.name} named earlier (sentence ${before.sentence})` });
            for (let k = i; k <= j; k++) covered[k] = 1;
            i = j;
            break;
          }
        }
      }
    }
    if (!added.length) return;
    doc.actors = [...doc.actors, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
  },
};
