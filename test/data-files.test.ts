import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../src/core/paths.js';
import { dataLines, readDataText } from '../src/lexicons/tsv.js';

describe('data files', () => {
  it('reads data lines with where each is, skipping comments and blank lines', () => {
    const lines = dataLines('# header\n\nkill\tASSAULT \n# note\n march\tPROTEST\n', 'x.tsv');
    expect(lines).toEqual([
      { cells: ['kill', 'ASSAULT'], at: 'x.tsv:3' },
      { cells: ['march', 'PROTEST'], at: 'x.tsv:5' },
    ]);
  });

  it('names the file when it cannot be read', () => {
    expect(() => readDataText('lexicons/no-such-file.tsv')).toThrow(/data\/lexicons\/no-such-file\.tsv: cannot read/);
  });

  it('opens every shipped tab-separated file with a header saying what it holds', () => {
    const root = dataPath('');
    const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.tsv'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const first = readFileSync(join(root, f), 'utf8').split('\n')[0];
      expect(first, f).toMatch(/^# \S/);
    }
  });
});
