// The project's tab-separated data files (data/**/*.tsv), read one way: '#' lines are comments, blank lines are
// skipped, cells are trimmed, and every error names file:line. Files are read once, when first needed.
import { readFileSync } from 'node:fs';
import { DyadError } from '../core/errors.js';
import { dataPath } from '../core/paths.js';

export interface DataLine {
  /** The line's tab-separated cells, trimmed. */
  cells: string[];
  /** "data/lexicons/events.tsv:12", for error messages and reasons. */
  at: string;
}

/** The data lines of a data file's text, with where each one is. */
export function dataLines(text: string, file: string): DataLine[] {
  const out: DataLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || line.startsWith('#')) continue;
    out.push({ cells: line.split('\t').map((c) => c.trim()), at: `${file}:${i + 1}` });
  }
  return out;
}

/** The text of data/<rel> and the name errors give it; a clear error when it cannot be read. */
export function readDataText(rel: string): { text: string; file: string } {
  const file = `data/${rel}`;
  try {
    return { text: readFileSync(dataPath(rel), 'utf8'), file };
  } catch (err) {
    throw new DyadError('DATA', `${file}: cannot read (${(err as Error).message})`);
  }
}

/** data/<rel> parsed by `parse` (which is given the text and the file's name for its errors). */
export function loadDataFile<T>(rel: string, parse: (text: string, file: string) => T): T {
  const { text, file } = readDataText(rel);
  return parse(text, file);
}
