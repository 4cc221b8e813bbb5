// Names the actor lexicons do not know: each person (PER) or organisation (ORG) the tagger finds where no actor
// or place mention stands becomes an actor mention, so an untitled "Masih Alinejad" or an unlisted "Sahel
// Solidarity Front" can still be the source or target of an event. Such mentions have no country or sector of
// their own (code UNK); a later bare surname is the same person.
//
// Cost: tagging every sentence would halve the pipeline's speed, so the events stage asks only for sentences
// where an event phrase lacks an actor, in text order.
import type { ActorMention, Doc, Sentence, Token } from '../../core/types.js';
import { slug } from '../actors/lexicon.js';
import { getEntityTagger } from './index.js';

function isCapitalised(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

export interface EntityFinder {
  /** The new mentions of one sentence (none when the lexicons explain every capitalised word). */
  sentence(s: Sentence): ActorMention[];
}

/** A finder over one document; call it for sentences in text order so bare surnames find their full names. */
export function createEntityFinder(doc: Doc): EntityFinder {
  const tokens = doc.tokens;
  const covered = new Uint8Array(tokens.length);
  const cover = (start: number, end: number) => {
    // Mentions are in character offsets; tokens are sorted by start.
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < tokens.length && tokens[i].start < end; i++) covered[i] = 1;
  };
  for (const m of doc.actors) cover(m.start, m.end);
  for (const p of doc.places) cover(p.start, p.end);
  // Surname (or any tail of a full name) -> the person named in full earlier in this article.
  const bySurname = new Map<string, ActorMention>();

  /** A later mention of a person named in full before ("Mensah-Darko" after "Kofi Mensah-Darko"). */
  function sameAs(earlier: ActorMention, start: number, end: number, sentence: number): ActorMention {
    return { ...earlier, start, end, text: doc.text.slice(start, end), sentence, reason: `surname of ${earlier.name} named earlier (sentence ${earlier.sentence})` };
  }

  function tagged(s: Sentence): ActorMention[] {
    const out: ActorMention[] = [];
    for (const e of getEntityTagger().tag(tokens, s.tokenStart, s.tokenEnd)) {
      if (e.type !== 'PER' && e.type !== 'ORG') continue;
      // A lone capitalised word opening a sentence ("Moreover", "Analysis") or a two-letter acronym ("AI") is
      // more often a common word than a name the lexicons missed.
      if (e.end - e.start === 1 && (e.start === s.tokenStart || tokens[e.start].text.length <= 2)) continue;
      let free = true;
      for (let i = e.start; i < e.end; i++) if (covered[i]) free = false;
      if (!free) continue;
      const first = tokens[e.start];
      let lastIndex = e.end - 1;
      if (lastIndex > e.start && (tokens[lastIndex].lower === "'s" || tokens[lastIndex].lower === '’s')) lastIndex--;
      const last = tokens[lastIndex];
      // "Mhlanga's": the name without the possessive.
      const endChar = last.end - (/['’]s$/i.test(last.text) ? 2 : 0);
      const text = doc.text.slice(first.start, endChar);
      for (let i = e.start; i < e.end; i++) covered[i] = 1;
      if (e.type === 'PER') {
        // "Mensah" or "Mensah-Darko" after "Kofi Mensah-Darko": the tail of a name given in full before.
        const earlier = bySurname.get(text.toLowerCase());
        const m: ActorMention = earlier
          ? sameAs(earlier, first.start, endChar, s.index)
          : {
              start: first.start,
              end: endChar,
              text,
              kind: 'person',
              name: text,
              country: null,
              sector: null,
              code: 'UNK',
              entity: `person:${slug(text)}`,
              sentence: s.index,
              reason: 'a person the named-entity tagger found; no country or role stated',
            };
        if (!earlier) {
          const words = text.split(/\s+/);
          for (let w = 1; w < words.length; w++) {
            const tail = words.slice(w).join(' ').toLowerCase();
            if (!bySurname.has(tail)) bySurname.set(tail, m);
          }
        }
        out.push(m);
      } else {
        out.push({
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
    return out;
  }

  // Bare surnames the tagger missed ("Later, Mensah-Darko said"): an uncovered capitalised run that is the tail
  // of a name given in full earlier.
  function surnames(s: Sentence): ActorMention[] {
    const out: ActorMention[] = [];
    if (!bySurname.size) return out;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (covered[i] || !isCapitalised(tokens[i])) continue;
      for (let j = Math.min(s.tokenEnd, i + 4) - 1; j >= i; j--) {
        if (covered[j]) continue;
        const text = doc.text.slice(tokens[i].start, tokens[j].end);
        const earlier = bySurname.get(text.toLowerCase());
        if (!earlier || earlier.start >= tokens[i].start) continue;
        out.push(sameAs(earlier, tokens[i].start, tokens[j].end, s.index));
        for (let k = i; k <= j; k++) covered[k] = 1;
        i = j;
        break;
      }
    }
    return out;
  }

  return {
    sentence(s) {
      let open = false;
      for (let i = s.tokenStart; i < s.tokenEnd && !open; i++) {
        // The first word is capitalised anyway; it alone does not call for the tagger.
        open = !covered[i] && isCapitalised(tokens[i]) && (i > s.tokenStart || s.tokenEnd - s.tokenStart > 1);
      }
      if (!open) return [];
      const found = [...tagged(s), ...surnames(s)];
      return found.sort((a, b) => a.start - b.start);
    },
  };
}

/** Inserts mentions into a list sorted by start (longer first at the same start). */
export function mergeMentions(list: ActorMention[], added: readonly ActorMention[]): ActorMention[] {
  if (!added.length) return list;
  return [...list, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
}
