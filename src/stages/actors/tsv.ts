// Reads the actor data files (data/actors/*.tsv): '#' lines are comments, the first other line names the
// columns. Files are read once at module load; every error names file:line.
import { DyadError } from '../../core/errors.js';
import { readDataText } from '../../lexicons/tsv.js';

export interface Row {
  /** "data/actors/people.tsv:12", for reasons and error messages. */
  at: string;
  get(column: string): string;
}

/** `columns` must all be named in the header; `nonEmpty` ones must be filled on every row. */
export function parseTsv(text: string, file: string, columns: string[], nonEmpty: string[]): Row[] {
  const rows: Row[] = [];
  let header: string[] | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || line.startsWith('#')) {
      // The header is the first comment line naming every expected column ("# form\ttype...").
      if (!header && line.startsWith('#') && line.includes('\t')) {
        const cols = line.replace(/^#\s*/, '').split('\t').map((c) => c.trim());
        if (columns.every((r) => cols.includes(r))) header = cols;
      }
      continue;
    }
    const at = `${file}:${i + 1}`;
    if (!header) throw new DyadError('DATA', `${at}: no header line naming the columns ${columns.join(', ')}`);
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.length > header.length) throw new DyadError('DATA', `${at}: ${cells.length} columns, header has ${header.length}`);
    const cols = header;
    for (const c of nonEmpty) {
      if (!cells[cols.indexOf(c)]) throw new DyadError('DATA', `${at}: empty column "${c}"`);
    }
    rows.push({ at, get: (c) => cells[cols.indexOf(c)] ?? '' });
  }
  return rows;
}

export function readTsv(name: string, columns: string[], nonEmpty: string[]): Row[] {
  const { text, file } = readDataText(`actors/${name}`);
  return parseTsv(text, file, columns, nonEmpty);
}
