// The identity of an article's text: SHA-256 (first 32 hex digits) of the text NFC-normalised with
// whitespace runs collapsed and the ends trimmed, so the same story re-wrapped or re-encoded gets the same
// key. Ingest de-duplicates on it; the engine derives an id from it for articles that bring none.
import { createHash } from 'node:crypto';

export function articleKey(text: string): string {
  const norm = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(norm, 'utf8').digest('hex').slice(0, 32);
}
