// Finds the event phrases of a sentence: every lexicon pattern that matches, then the longest
// non-overlapping set (a blocking NONE entry that wins a place removes the reading there).
import type { Token } from '../../core/types.js';
import type { EventEntry, EventLexicon, Slot } from '../../lexicons/events.js';

export interface Trigger {
  entry: EventEntry;
  /** First and last token index (inclusive) of the matched phrase, in Doc.tokens. */
  first: number;
  last: number;
  /** Token indices that matched pattern words (gaps excluded). */
  words: number[];
}

// A gap may not run across these: they end a clause or open an aside.
const GAP_STOP = new Set([',', ';', ':', '.', '(', ')', '"', '“', '”', '—', '–', '?', '!']);

function matchFrom(tokens: Token[], slots: Slot[], si: number, ti: number, end: number, words: number[]): number {
  if (si === slots.length) return ti - 1;
  const slot = slots[si];
  if (slot.kind === 'gap') {
    for (let skip = 0; skip <= slot.max && ti + skip < end; skip++) {
      if (skip > 0 && GAP_STOP.has(tokens[ti + skip - 1].text)) break;
      const got = matchFrom(tokens, slots, si + 1, ti + skip, end, words);
      if (got >= 0) return got;
    }
    return -1;
  }
  if (ti < end && slot.forms.has(tokens[ti].lower)) {
    words.push(ti);
    const got = matchFrom(tokens, slots, si + 1, ti + 1, end, words);
    if (got >= 0) return got;
    words.pop();
  }
  if (slot.optional) return matchFrom(tokens, slots, si + 1, ti, end, words);
  return -1;
}

/** Triggers in tokens[start, end), longest first, non-overlapping, blockers removed. */
export function findTriggers(tokens: Token[], start: number, end: number, lexicon: EventLexicon): Trigger[] {
  const found: Trigger[] = [];
  for (let i = start; i < end; i++) {
    const cands = lexicon.byFirst.get(tokens[i].lower);
    if (!cands) continue;
    for (const entry of cands) {
      const words: number[] = [];
      const last = matchFrom(tokens, entry.slots, 0, i, end, words);
      if (last >= 0) found.push({ entry, first: i, last, words: [...words] });
    }
  }
  if (found.length < 2) return found.filter((t) => t.entry.event !== 'NONE');
  // More pattern words is more specific; on a tie the earlier phrase governs (it is usually the verb).
  found.sort((a, b) => b.words.length - a.words.length || a.first - b.first || a.last - b.last);
  const taken: Trigger[] = [];
  for (const t of found) {
    if (taken.some((u) => t.first <= u.last && u.first <= t.last)) continue;
    taken.push(t);
  }
  return taken.filter((t) => t.entry.event !== 'NONE').sort((a, b) => a.first - b.first);
}
