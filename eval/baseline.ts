// A reference learner for PLV, not part of dyad: multinomial naive Bayes over the lower-cased words of the
// sentence. It shows what plain word counts reach under the same cross-validation, so a learned model in dyad
// has a floor to beat, and it exercises crossValidate end to end.
import { PLOVER, isPloverType } from '../src/ontology/index.js';
import type { Classifier, PlvRow } from './plv.js';

const WORD = /[a-z][a-z'-]*/g;

function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** PLV quad of a PLV root (YIELD is CONCEDE/RETREAT, quad 2). */
export function plvQuad(root: string): number | null {
  if (root === 'YIELD') return 2;
  return isPloverType(root) ? PLOVER[root].quad : null;
}

/** Fits naive Bayes (add-one smoothing) on `rows` and returns a classifier. */
export function trainBagOfWords(rows: readonly PlvRow[]): Classifier {
  const classCount = new Map<string, number>();
  const wordCount = new Map<string, Map<string, number>>();
  const totalWords = new Map<string, number>();
  const vocab = new Set<string>();
  for (const r of rows) {
    classCount.set(r.goldRoot, (classCount.get(r.goldRoot) ?? 0) + 1);
    let wc = wordCount.get(r.goldRoot);
    if (!wc) wordCount.set(r.goldRoot, (wc = new Map()));
    for (const w of words(r.sentence)) {
      wc.set(w, (wc.get(w) ?? 0) + 1);
      totalWords.set(r.goldRoot, (totalWords.get(r.goldRoot) ?? 0) + 1);
      vocab.add(w);
    }
  }
  const classes = [...classCount.keys()];
  const v = vocab.size;
  return (row) => {
    const ws = words(row.sentence).filter((w) => vocab.has(w));
    let best: string | null = null;
    let bestScore = -Infinity;
    for (const c of classes) {
      const wc = wordCount.get(c)!;
      const denom = Math.log((totalWords.get(c) ?? 0) + v);
      let s = Math.log(classCount.get(c)! / rows.length);
      for (const w of ws) s += Math.log((wc.get(w) ?? 0) + 1) - denom;
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    return { event: best, quad: best === null ? null : plvQuad(best) };
  };
}
