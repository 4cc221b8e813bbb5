import { readFileSync } from 'node:fs';
import { segment } from '../src/stages/segment/segment.js';
import { findTriggers } from '../src/stages/events/triggers.js';
import { readModality } from '../src/stages/events/modality.js';
import { loadEventLexicon } from '../src/lexicons/events.js';
const lex = loadEventLexicon();
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  const { sentences, tokens } = segment(text);
  for (const s of sentences) {
    for (const t of findTriggers(tokens, s.tokenStart, s.tokenEnd, lex)) {
      const m = readModality(tokens, s.tokenStart, t.first, t.words);
      console.log(`${t.entry.event}/${t.entry.mode ?? ''}\t"${text.slice(tokens[t.first].start, tokens[t.last].end)}"\t${m.negated ? 'NEG ' : ''}${m.hypothetical ? 'HYP ' : ''}${m.future ? 'FUT ' : ''}${m.cues.join(',')}\t| ${text.slice(s.start, s.end).slice(0, 90)}`);
    }
  }
}
