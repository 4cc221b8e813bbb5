// Whether an event phrase is asserted as fact: negation, hypothesis or condition, and future or intent.
// Cues are read in the clause that holds the trigger, from the clause start up to the trigger.
import type { Token } from '../../core/types.js';

export interface Modality {
  negated: boolean;
  hypothetical: boolean;
  future: boolean;
  /** The cue words that decided it, for the explanation. */
  cues: string[];
}

// Words that open a new clause: cues before them do not reach the trigger.
export const CLAUSE_OPENERS = new Set([
  ';', ':', 'while', 'whereas', 'but', 'although', 'though', 'which', 'who', 'whom', 'because', 'since', 'after',
  'before', 'when', 'as', 'and', 'or', 'yet', '—', '–', '(', ')', '“', '”', '"',
]);

const NEGATION = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without', 'cannot', "didn't", "doesn't", "don't", "won't", "wouldn't", "hasn't", "haven't", "hadn't", "isn't", "aren't", "wasn't", "weren't"]);

const HYPOTHETICAL = new Set([
  'could', 'would', 'might', 'may', 'should', 'can', 'must', 'if', 'unless', 'whether', 'any', 'possible', 'possibly',
  'potential', 'potentially', 'likely', 'unlikely', 'uncertain', 'unclear', 'perhaps', 'maybe', 'consider', 'considering', 'considered', 'mulls', 'mulling', 'weighs', 'weighing', 'threatened',
  'threatens', 'threatening', 'threaten', 'urged', 'urges', 'urge', 'urging', 'asked', 'asks', 'ask', 'called',
  'calls', 'call', 'demanded', 'demands', 'demand', 'requested', 'requests', 'proposed', 'proposes', 'propose',
  'hoped', 'hopes', 'hope', 'willingness', 'readiness', 'ready', 'prepared', 'willing', 'need', 'needs', 'risk',
  'risks', 'warned', 'warns', 'warn', 'implores', 'implored', 'plea', 'effort', 'efforts', 'attempt', 'attempts',
  'attempted', 'attempting', 'bid', 'try', 'tried', 'trying',
]);

const FUTURE = new Set([
  'will', 'shall', "'ll", 'plans', 'plan', 'planned', 'planning', 'intends', 'intend', 'intended', 'intention',
  'intent', 'aims', 'aim', 'seeks', 'seek', 'sought', 'wants', 'want', 'wanted', 'expected', 'set', 'scheduled',
  'pledged', 'pledges', 'pledge', 'promised', 'promises', 'promise', 'vowed', 'vows', 'vow', 'going', 'upcoming',
  'soon', 'next', 'future', 'tomorrow',
]);

// "not only ... but" and "no longer" style phrases are not negations of the event.
function isFalseNegation(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1]?.lower;
  return (tokens[i].lower === 'not' && (next === 'only' || next === 'just')) || (tokens[i].lower === 'no' && next === 'doubt');
}

/** Index of the first token of the clause that holds token `at`, not before `sentenceStart`. */
export function clauseStart(tokens: Token[], at: number, sentenceStart: number): number {
  for (let i = at - 1; i >= sentenceStart; i--) {
    const low = tokens[i].lower;
    if (CLAUSE_OPENERS.has(low)) {
      // "and" joins clauses only when a new subject-verb follows; treat ", and" as a clause break, bare "and" not.
      if (low === 'and' || low === 'or') {
        if (tokens[i - 1]?.text === ',') return i + 1;
        continue;
      }
      if (low === 'as' && tokens[i + 1]?.lower === 'well') continue;
      if (low === 'after' || low === 'before' || low === 'since') continue; // time clauses keep the main clause's mood
      return i + 1;
    }
  }
  return sentenceStart;
}

/** Reads the cues before the trigger (and the auxiliaries right after it for passives like "will be met"). */
export function readModality(
  tokens: Token[],
  sentenceStart: number,
  triggerFirst: number,
  triggerWords: number[],
  /** Tokens that belong to something else, such as a date ("On May 28" holds no modal "may"). */
  ignore?: (tokenIndex: number) => boolean,
): Modality {
  const from = clauseStart(tokens, triggerFirst, sentenceStart);
  const cues: string[] = [];
  let negated = false;
  let hypothetical = false;
  let future = false;
  const inTrigger = new Set(triggerWords);
  for (let i = from; i < triggerFirst; i++) {
    if (inTrigger.has(i) || ignore?.(i)) continue;
    const low = tokens[i].lower;
    if (NEGATION.has(low) && !isFalseNegation(tokens, i)) {
      // Negation reaches the trigger only when it is close (auxiliary + not + verb), not across a whole clause.
      if (triggerFirst - i <= 4) {
        negated = true;
        cues.push(low);
      }
    } else if (HYPOTHETICAL.has(low)) {
      hypothetical = true;
      cues.push(low);
    } else if (FUTURE.has(low)) {
      // "set" and "expected" signal the future only with "to": "is set to", "expected to".
      if ((low === 'set' || low === 'expected' || low === 'going') && tokens[i + 1]?.lower !== 'to') continue;
      future = true;
      cues.push(low);
    }
  }
  // Auxiliaries just after a nominal trigger: "any aggression ... will be met", "sanctions could follow".
  for (let i = triggerFirst + 1; i < Math.min(tokens.length, triggerFirst + 6); i++) {
    if (ignore?.(i)) continue;
    const low = tokens[i].lower;
    if (CLAUSE_OPENERS.has(low) || low === ',' || low === '.') break;
    if (low === 'will' || low === 'shall') {
      future = true;
      cues.push(low);
    } else if (low === 'could' || low === 'would' || low === 'might' || low === 'may') {
      hypothetical = true;
      cues.push(low);
    }
  }
  return { negated, hypothetical, future, cues };
}
