// Tense near a time expression decides which way an underspecified date points: "met on Thursday"
// is the Thursday before the reference, "will meet on Thursday" the one after. The nearest cue word
// in the sentence wins; a cue to the left wins a tie because English puts the auxiliary first.
import type { Token } from '../../core/types.js';

export type Tense = 'past' | 'future';

const FUTURE_CUES = new Set([
  'will', 'shall', "won't", 'wo', 'would', 'must', 'should', 'scheduled', 'expected', 'due',
  'plans', 'plan', 'planning', 'intends', 'intend', 'aims', 'upcoming', 'coming', 'slated', 'tomorrow', 'hopes',
  'expects', 'ahead', 'forthcoming', 'postponed', 'soon', 'payable', 'effective', 'expires', 'expiring', 'may', 'might',
  'likely', 'unlikely',
]);

/** Present-tense verbs that newswire uses for scheduled events ("leaves Monday for Asia", "votes Tuesday"). */
const SCHEDULED_PRESENT = new Set([
  'meet', 'meets', 'visit', 'visits', 'leaves', 'arrive', 'arrives', 'travels', 'resume', 'resumes', 'vote', 'votes',
  'convene', 'convenes', 'opens', 'begin', 'begins', 'starts', 'hosts', 'returns', 'flies', 'testify', 'testifies',
]);

/** Words after "next" that make it temporal ("next week"), not spatial ("next to"). */
const NEXT_TIME_WORDS = /^(?:week|month|year|day|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter|quarter|session|round|meeting|summit|election|time)s?$/;

/** Auxiliaries that make a following -ed participle passive or infinitival, not a past tense. */
const PASSIVE_AUX = new Set([
  'be', 'being', 'to', 'will', 'would', 'must', 'should', 'could', 'can', 'may', 'might', 'is', 'are', 'remain',
  'remains', 'stay', 'stays', 'get', 'gets', 'become', 'becomes', 'seem', 'seems',
]);

const PAST_CUES = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'met', 'went', 'came', 'took', 'made', 'gave', 'held', 'won', 'lost',
  'left', 'began', 'fought', 'fled', 'saw', 'sent', 'led', 'struck', 'hit', 'shot', 'broke', 'spoke', 'wrote',
  'became', 'brought', 'bought', 'sold', 'paid', 'felt', 'fell', 'rose', 'ran', 'seized', 'ago', 'last',
  'earlier', 'yesterday', 'previously', 'former', 'been', 'got', 'knew', 'thought', 'found', 'kept', 'stood',
  'drew', 'grew', 'chose', 'froze', 'stole', 'swore', 'tore', 'wore', 'withdrew', 'overthrew', 'forgave', 'sought',
  'taught', 'caught', 'meant', 'heard', 'built', 'spent', 'lent', 'slid', 'split', 'quit', 'recently', 'died',
]);

/** Words before "plan(s)" that make it a noun ("the plan"), which says nothing about tense. */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'new', 'peace']);

/** Past cues that are not participles, so an auxiliary before them does not cancel them. */
const TIME_WORDS_PAST = new Set(['ago', 'last', 'earlier', 'yesterday', 'previously', 'former', 'recently', 'was', 'were', 'had', 'did']);

/** Words after which an -ed word is an adjective ("a revised plan", "the still unspecified date"). */
const ADJECTIVE_SLOT = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'these', 'those', 'still', 'very', 'newly', 'highly', 'well', 'so', 'more', 'most', 'less', 'fully', 'recently', 'previously']);

/** -ed words that point forward ("scheduled", "expected") are in FUTURE_CUES; these are not verbs at all. */
const ED_NON_VERBS = new Set(['red', 'bed', 'need', 'seed', 'feed', 'speed', 'shed', 'indeed', 'hundred', 'united', 'limited', 'bred', 'wed', 'led', 'aged', 'weed', 'reed', 'deed', 'heed', 'sled']);

/** Words that announce a plan; after "was", "had been" the plan itself lies in the past. */
const PLAN_WORDS = new Set(['scheduled', 'expected', 'due', 'slated', 'planned', 'set', 'supposed', 'poised']);
const PAST_AUX = new Set(['was', 'were', 'had', 'been']);

function cueOf(tok: Token, next: Token | undefined, prev: Token | undefined): Tense | null {
  const w = tok.lower;
  if (PLAN_WORDS.has(w)) {
    if (prev && PAST_AUX.has(prev.lower)) return 'past';
    if (next?.lower === 'to' || next?.lower === 'for') return 'future';
    // "protesters planned a march on Saturday": what was planned lies ahead of the planning ("as planned",
    // "as previously planned Saturday night" is no cue).
    if (w === 'planned') return next && /^(?:a|an|the|their|its|his|her|new|more)$/.test(next.lower) ? 'future' : null;
  }
  // "holders of record Dec. 15": a dividend's record date follows its declaration.
  if (w === 'record' && prev?.lower === 'of') return 'future';
  if ((w === 'plan' || w === 'plans') && prev && DETERMINERS.has(prev.lower)) return null;
  if (w === 'may' && tok.cap) return null; // the month
  if (FUTURE_CUES.has(w)) return 'future';
  // "Arafat and Netanyahu meet separately Monday": a scheduling verb in the present names what is coming
  // (not after an auxiliary, "to" or a determiner: "the visit", "a vote")
  if (SCHEDULED_PRESENT.has(w) && !(prev && (/^(?:to|will|would|could|can|may|might|must|should|did|does|do|not|n't)$/.test(prev.lower) || ADJECTIVE_SLOT.has(prev.lower) || DETERMINERS.has(prev.lower)))) return 'future';
  if (w.endsWith("'ll") || w.endsWith('’ll')) return 'future';
  // "next week" looks ahead; "the next day" counts on from the story's own time, which may be past
  if (w === 'next') return next && NEXT_TIME_WORDS.test(next.lower) && prev?.lower !== 'the' ? 'future' : null;
  if ((w === 'going' || w === 'set' || w === 'is' || w === 'are') && next?.lower === 'to') return 'future';
  // "will be held", "to be made": a participle after an auxiliary or "to" carries no tense of its own.
  if (PAST_CUES.has(w)) return prev && PASSIVE_AUX.has(prev.lower) && !TIME_WORDS_PAST.has(w) ? null : 'past';
  if (w.length > 3 && w.endsWith('ed') && !ED_NON_VERBS.has(w) && !tok.cap) {
    // "a still unspecified date", "the planned visit": an -ed adjective after a determiner is no verb
    return prev && (PASSIVE_AUX.has(prev.lower) || ADJECTIVE_SLOT.has(prev.lower)) ? null : 'past';
  }
  return null;
}

/**
 * The tense governing tokens [a, b) inside the sentence [from, to), or null when the sentence gives no cue.
 * Cues inside the expression itself ("next", "last") are skipped: the caller has already read them.
 */
export function tenseNear(tokens: Token[], from: number, to: number, a: number, b: number): Tense | null {
  let best: Tense | null = null;
  let bestDist = Infinity;
  for (let i = a - 1, dist = 1; i >= from && dist < bestDist; i--, dist++) {
    const cue = cueOf(tokens[i], tokens[i + 1], tokens[i - 1]);
    if (cue) {
      best = cue;
      bestDist = dist;
      break;
    }
  }
  // English puts the verb before its time adverbial, so a cue to the right counts at double distance.
  for (let i = b, dist = 2; i < to && dist < bestDist; i++, dist += 2) {
    // "took to the streets Thursday to protest plans for ...": a to-clause after the expression is its own clause.
    if (tokens[i].lower === 'to') break;
    const cue = cueOf(tokens[i], tokens[i + 1], tokens[i - 1]);
    if (cue) {
      best = cue;
      break;
    }
  }
  return best;
}

/**
 * Is there a past-tense verb right before the time phrase at token a, or before one of `prepositions` right
 * before it ("died Sunday", "began in March")? Tokens before `from` (the sentence start) are not looked at;
 * `direct` false asks only for the verb-and-preposition form.
 */
export function pastVerbBefore(tokens: Token[], from: number, a: number, prepositions: ReadonlySet<string>, direct = true): boolean {
  if (direct && a - 1 >= from && pastVerbAt(tokens, a - 1)) return true;
  return a - 2 >= from && prepositions.has(tokens[a - 1].lower) && pastVerbAt(tokens, a - 2);
}

/**
 * Is the token at i a past-tense verb right before a time phrase ("began in March", "was killed on 3 May")?
 * A cue this close is trusted further than the nearest cue of the sentence.
 */
export function pastVerbAt(tokens: Token[], i: number): boolean {
  const tok = tokens[i];
  if (!tok) return false;
  const w = tok.lower;
  const prev = tokens[i - 1]?.lower ?? '';
  if (PASSIVE_AUX.has(prev) && prev !== 'was' && prev !== 'were') return false;
  if (TIME_WORDS_PAST.has(w) || w === 'ago' || w === 'last') return false;
  if (PAST_CUES.has(w)) return true;
  return w.length > 3 && w.endsWith('ed') && !ED_NON_VERBS.has(w) && !tok.cap && !FUTURE_CUES.has(w) && !PLAN_WORDS.has(w);
}
