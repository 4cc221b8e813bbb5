// Deaths reported with a violent event: "killing 12 soldiers", "at least five people were killed",
// "left 3 dead". Returns null when the sentence states none.
import type { Token } from '../../core/types.js';

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12, dozens: 24, hundreds: 200, scores: 40,
};
const DEATH_WORDS = new Set(['killed', 'killing', 'kills', 'kill', 'dead', 'died', 'die', 'deaths', 'death', 'fatalities', 'lives', 'bodies', 'slain', 'massacred', 'executed', 'perished']);
const NOUN_SKIP = new Set(['people', 'persons', 'civilians', 'soldiers', 'troops', 'militants', 'fighters', 'villagers', 'others', 'men', 'women', 'children', 'policemen', 'police', 'officers', 'gendarmes', 'rebels', 'jihadists', 'insurgents', 'attackers', 'assailants', 'of', 'them', 'were', 'was', 'have', 'had', 'been', 'are', 'at', 'least', 'some', 'about', 'around', 'nearly', 'almost', 'more', 'than', 'over', 'up', 'to', 'a', 'total', 'and', 'including', 'members', 'suspected', 'armed', 'malian', 'nigerien', 'burkinabe', 'chadian', 'army', 'security', 'forces']);

function numberAt(tok: Token): number | null {
  const t = tok.lower.replace(/,/g, '');
  if (/^\d+$/.test(t)) return Number(t);
  return NUMBER_WORDS[t] ?? null;
}

export function findFatalities(tokens: Token[], start: number, end: number): number | null {
  let total: number | null = null;
  for (let i = start; i < end; i++) {
    if (!DEATH_WORDS.has(tokens[i].lower)) continue;
    // A number before the death word, across modifiers and nouns: "12 soldiers were killed".
    let n: number | null = null;
    for (let j = i - 1; j >= Math.max(start, i - 7); j--) {
      const v = numberAt(tokens[j]);
      if (v !== null) {
        n = v;
        // "two hundred" and "3 dozen"
        const prev = j > start ? numberAt(tokens[j - 1]) : null;
        if (prev !== null && (v === 100 || v === 12)) n = prev * v;
        break;
      }
      if (!NOUN_SKIP.has(tokens[j].lower) && !/^[a-z]+$/.test(tokens[j].lower)) break;
    }
    // Or after it: "killing 12", "killed at least five".
    if (n === null) {
      for (let j = i + 1; j < Math.min(end, i + 4); j++) {
        const v = numberAt(tokens[j]);
        if (v !== null) {
          n = v;
          break;
        }
        if (!NOUN_SKIP.has(tokens[j].lower)) break;
      }
    }
    if (n !== null) total = Math.max(total ?? 0, n);
  }
  return total;
}
