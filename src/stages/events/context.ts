// The PLOVER context of an event whose phrase names none, from cue words in its sentence.
import type { Token } from '../../core/types.js';
import { DyadError } from '../../core/errors.js';
import { dataLines, loadDataFile } from '../../lexicons/tsv.js';
import { PLOVER_CONTEXTS } from '../../ontology/index.js';

export function parseContextCues(text: string, file: string): Map<string, string> {
  const cues = new Map<string, string>();
  for (const { cells, at } of dataLines(text, file)) {
    const [word, context] = cells;
    if (!word || !context || !(PLOVER_CONTEXTS as readonly string[]).includes(context)) {
      throw new DyadError('DATA', `${at}: expected a word and one of PLOVER's contexts`);
    }
    cues.set(word, context);
  }
  return cues;
}

let cues: Map<string, string> | null = null;
function loadCues(): Map<string, string> {
  cues ??= loadDataFile('lexicons/contexts.tsv', parseContextCues);
  return cues;
}

export function inferContext(tokens: Token[], start: number, end: number): string | null {
  const map = loadCues();
  for (let i = start; i < end; i++) {
    const c = map.get(tokens[i].lower);
    if (c) return c;
  }
  return null;
}
