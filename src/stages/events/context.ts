// The PLOVER context of an event whose phrase names none, from cue words in its sentence.
import { readFileSync } from 'node:fs';
import type { Token } from '../../core/types.js';
import { DyadError } from '../../core/errors.js';
import { dataPath } from '../../core/paths.js';
import { PLOVER_CONTEXTS } from '../../ontology/index.js';

export function parseContextCues(text: string, file: string): Map<string, string> {
  const cues = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [word, context] = line.split('\t');
    if (!word || !context || !(PLOVER_CONTEXTS as readonly string[]).includes(context)) {
      throw new DyadError('DATA', `${file}:${i + 1}: expected a word and one of PLOVER's contexts`);
    }
    cues.set(word.trim(), context.trim());
  });
  return cues;
}

let cues: Map<string, string> | null = null;
function loadCues(): Map<string, string> {
  cues ??= parseContextCues(readFileSync(dataPath('lexicons/contexts.tsv'), 'utf8'), 'data/lexicons/contexts.tsv');
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
