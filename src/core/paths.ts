// Where the package's data/ folder is, whether running from src/ (tests), dist/ (the CLI) or dist-tools/
// (bench, eval): the first folder above this module that holds data/lexicons.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DyadError } from './errors.js';

let root: string | null = null;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'data', 'lexicons'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new DyadError('DATA', `cannot find dyad's data/ folder above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** Absolute path of a file in data/, e.g. dataPath('lexicons/events.tsv'). */
export function dataPath(rel: string): string {
  return join(packageRoot(), 'data', rel);
}
