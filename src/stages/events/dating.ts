// When an event happened: the time expression that governs its phrase in the sentence, else the article's
// published date. Report time (published) and event time are kept apart: `from` says which one dated it.
//
// "Governs" is read from the tokens, without a parser: an expression in the event's own clause beats one
// across a comma, a relative pronoun or a reporting verb; one nearer another event phrase belongs to that
// event; "since 2015", "until May" and "the May 3 elections" name other times (a state's start, a deadline,
// another event's date), except "have been killed since Friday", the day an ongoing event began; dates
// inside actor names or quoted titles are no dates at all. Anaphoric
// expressions ("the next day", "later that week") arrive already counted from the date the story set
// earlier (times stage). A past-tense sentence with no time expression at all keeps the day or month of
// the sentence just before it in the same paragraph (a story told in order keeps its time), never a
// report's own day ("said Friday"); an undated opening sentence takes the day its next sentence names.
// Without the sentence context (4-argument call) the nearest expression wins, as before.
import type { ActorMention, DatePrecision, Doc, Sentence, Span, TimeExpr, Token } from '../../core/types.js';
import { tokenIndexAt } from '../segment/segment.js';
import { addDays, fmtDate, isoWeekMonday } from '../times/calendar.js';
import { tenseNear } from '../times/tense.js';

export interface EventDate {
  date: string | null;
  precision: DatePrecision;
  from: 'text' | 'published' | 'none';
  time: TimeExpr | null;
  /**
   * The start of the state the event changes, when the sentence says how long it lasted ("the agreement,
   * in place for over a decade, was terminated": about ten years before the reference).
   */
  since?: string;
  /** Why this date, in words. */
  reason?: string;
}

/** The sentence around an event phrase, so the dater can see clauses, names and other events. */
export interface DatingContext {
  tokens: Token[];
  sentence: Sentence;
  /** Actor mentions of the sentence (dates inside names are skipped). */
  actors?: readonly Span[];
  /** Other event phrases of the sentence, as character spans (a date next to one of them is its date). */
  triggers?: readonly Span[];
  /** Every time expression of the document: a sentence without one may carry the date of the one before. */
  storyTimes?: readonly TimeExpr[];
  /** The document text and its sentences, so a date is not carried across a paragraph break. */
  text?: string;
  sentences?: readonly Sentence[];
}

const WEEK_VALUE = /^(\d{4})-W(\d{2})/;

/** ISO week value (2021-W48) -> the month holding that week's Thursday, as the ISO rules place it. */
function weekToMonth(value: string): string | null {
  const m = WEEK_VALUE.exec(value);
  return m ? fmtDate(addDays(isoWeekMonday(+m[1], +m[2]), 3)).slice(0, 7) : null;
}

/** Does the time a value names begin after the published day? A week counts from its Monday, so "this week" never does. */
function startsAfter(value: string, published: string): boolean {
  const m = WEEK_VALUE.exec(value);
  if (m) return fmtDate(isoWeekMonday(+m[1], +m[2])) > published.slice(0, 10);
  const first = calendarDate(value)!.date;
  return first > published.slice(0, first.length);
}

/** A calendar date and its precision from a TIMEX3 value, or null when the value is not a calendar date. */
export function calendarDate(value: string): { date: string; precision: DatePrecision } | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(T24)?/.exec(value);
  if (m) {
    // "midnight May 29" (T24:00) is the first moment of May 30.
    if (m[4]) {
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + 1));
      return { date: d.toISOString().slice(0, 10), precision: 'day' };
    }
    return { date: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' };
  }
  const week = weekToMonth(value);
  if (week) return { date: week, precision: 'month' };
  m = /^(\d{4}-\d{2})$/.exec(value);
  if (m) return { date: m[1], precision: 'month' };
  m = /^(\d{4})(?:-(?:Q\d|H\d|SP|SU|FA|WI))?$/.exec(value);
  if (m) return { date: m[1], precision: 'year' };
  return null;
}

export function publishedDate(published: string | null): EventDate {
  if (!published) return { date: null, precision: 'unknown', from: 'none', time: null, reason: 'no time expression and no published date' };
  const cal = calendarDate(published.slice(0, 10));
  return cal
    ? { ...cal, from: 'published', time: null, reason: 'no time expression governs it: the published date' }
    : { date: null, precision: 'unknown', from: 'none', time: null, reason: 'unreadable published date' };
}

// ------------------------------------------------------------------ reading the sentence

/** Words that open another clause: a date beyond one is less likely to be this event's. */
const CLAUSE_OPENERS = new Set([
  'which', 'who', 'whom', 'whose', 'that', 'where', 'whereas', 'because', 'although', 'though', 'after', 'before',
  'since', 'until', 'if', 'unless', 'following', 'despite', 'but', 'or', 'so',
]);
/** Punctuation that ends a clause or opens an aside. */
const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '—', '–', '"', '“', '”', '[', ']']);
/** Reporting verbs: "X said on Monday that Y attacked" puts Monday on the saying, not the attack. */
const REPORTING = new Set([
  'said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'announced', 'announces', 'claimed', 'claims',
  'stated', 'states', 'added', 'adds', 'according', 'confirmed', 'confirms', 'declared', 'alleged', 'warned',
]);
/** Prepositions before a date that make it some other time than the event's: a start, an end, a deadline. */
const NOT_WHEN = new Set(['since', 'until', 'till', 'through', 'throughout', 'by', 'before', 'after', 'ahead']);
/** Nouns before "of" that keep the date the event's own ("the night of 12 May"). */
const TIME_OF = /^(?:night|morning|evening|afternoon|day|dawn|dusk|weekend|end|beginning|start|middle|week|course)$/;
/** Small words after a date that do not make it a noun modifier. */
const LOOSE_AFTER = /^(?:at|in|on|to|of|by|and|or|for|with|near|around|when|while|as|after|before|night|morning|evening|afternoon)$/;
/** Past forms that are no -ed words. */
const IRREGULAR_PAST = new Set([
  'was', 'were', 'had', 'did', 'took', 'made', 'held', 'fought', 'shot', 'struck', 'hit', 'killed', 'fled', 'led',
  'met', 'sent', 'seized', 'stole', 'broke', 'threw', 'set', 'began', 'went', 'came', 'left', 'kept', 'beat', 'burnt',
]);

/** A time expression's place relative to the event phrase, and how firmly it belongs to it. */
interface Attachment {
  /** Ranks candidates: lower is closer. */
  score: number;
  /** Evidence that the date belongs to something else (another event, a name, a start or deadline). */
  foreign: number;
  why: string;
}


const isQuote = (w: string) => w === '"' || w === '“' || w === '”' || w === "''" || w === '``' || w === '‘' || w === '’';

/** Is the expression inside a quoted stretch that looks like a title ("the film 'High Noon'") and holds no event phrase? */
function inQuotedTitle(tokens: Token[], s: Sentence, a: number, b: number, trigA: number, trigB: number): boolean {
  let open = -1;
  for (let i = a - 1; i >= s.tokenStart && a - i <= 8; i--) {
    if (isQuote(tokens[i].text)) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  let close = -1;
  for (let i = b; i < s.tokenEnd && i - b <= 8; i++) {
    if (isQuote(tokens[i].text)) {
      close = i;
      break;
    }
  }
  if (close < 0) return false;
  if (trigA > open && trigB < close) return false; // the event is quoted too: speech, not a title
  // A title: most words inside are capitalised or numbers.
  let words = 0;
  let caps = 0;
  for (let i = open + 1; i < close; i++) {
    if (!/^[\p{L}\d]/u.test(tokens[i].text)) continue;
    words++;
    if (tokens[i].cap || /^\d/.test(tokens[i].text)) caps++;
  }
  return words > 0 && caps / words >= 0.6;
}

/** The sentence opens with the expression, or with a short label and a colon before it ("Arrests: On May 2,"). */
function opensSentence(tokens: Token[], s: Sentence, a: number): boolean {
  let start = s.tokenStart;
  for (let i = s.tokenStart; i < Math.min(a, s.tokenStart + 5); i++) {
    if (tokens[i].text === ':') start = i + 1;
  }
  const prep = tokens[a - 1]?.lower ?? '';
  return a === start || a === start + 1 && /^(?:on|in|at|during|late|early|overnight|last|this)$/.test(prep);
}

/** Is the event phrase told in the past ("attacked", "have staged", "was killed")? */
function pastEvent(tokens: Token[], s: Sentence, ta: number, tb: number): boolean {
  // "had been set to expire Nov. 6", "guidelines to be published in November", "said it would close":
  // an infinitive's or a modal's time is not fixed by the tense of the verb it hangs on
  let k = ta - 1;
  while (k > s.tokenStart && /^(?:be|been|have)$/.test(tokens[k].lower)) k--;
  if (k >= s.tokenStart && /^(?:to|will|would|could|can|may|might|should|must|shall)$/.test(tokens[k].lower)) return false;
  for (let i = ta; i <= tb; i++) {
    const w = tokens[i].lower;
    if (IRREGULAR_PAST.has(w) || w.length > 4 && w.endsWith('ed')) {
      const prev = tokens[i - 1]?.lower ?? '';
      // "are sanctioned", "is expected": a present passive is no past
      if (prev !== 'to' && prev !== 'will' && prev !== 'be' && prev !== 'would' && prev !== 'is' && prev !== 'are' && prev !== 'am') return true;
    }
  }
  return tenseNear(tokens, s.tokenStart, s.tokenEnd, ta, tb + 1) === 'past';
}

/**
 * How the expression t attaches to the event phrase [ta, tb] (token indices). The score is the distance in
 * tokens (a date before the phrase counts half again), plus three for each clause boundary between them; the
 * foreign evidence collects signs that the date is another event's or no date of the event at all. `past`
 * says whether the event is told in the past (pastEvent), which the caller has worked out once.
 */
function attachment(ctx: DatingContext, t: TimeExpr, ta: number, tb: number, past: boolean): Attachment {
  const { tokens, sentence: s } = ctx;
  const a = tokenIndexAt(tokens, t.start, s.tokenStart, s.tokenEnd);
  const b = tokenIndexAt(tokens, t.end, s.tokenStart, s.tokenEnd);
  if (ctx.actors?.some((m) => m.start <= t.start && t.end <= m.end)) return { score: Infinity, foreign: Infinity, why: 'inside an actor name' };
  if (inQuotedTitle(tokens, s, a, b, ta, tb)) return { score: Infinity, foreign: Infinity, why: 'inside a quoted title' };
  const after = a > tb;
  const from = after ? tb + 1 : b;
  const to = after ? a : ta;
  const why: string[] = [];
  let boundaries = 0;
  let reporting = 0;
  for (let i = from; i < to; i++) {
    const w = tokens[i].lower;
    if (CLAUSE_PUNCT.has(w) || CLAUSE_OPENERS.has(w)) boundaries++;
    else if (REPORTING.has(w)) reporting++;
  }
  let foreign = 0;
  if (reporting) {
    foreign += 6;
    why.push('across a reporting verb');
  }
  // "Thursday's ruling", "the 1959 trade embargo", "after Saturday's attack": a date in front of the event's
  // own noun is that event's date, whatever preposition comes before it.
  if (!after && ta - b <= 2 && premodifies(tokens, a, b, ta)) return { score: 0, foreign: 0, why: 'it names the time of the event noun' };
  // "since November, when he was found": the when-clause after a date tells what happened then.
  if (!after && whenClauseAfter(tokens, b, ta)) return { score: 0.25, foreign: 0, why: 'the when-clause after it' };
  // A sentence-initial adverbial ("On October 27, militants attacked X, killing two") governs every clause.
  // It outranks a date nearer the phrase but before it, which sits in a modifier of the subject ("On April 18,
  // students suspended in March clashed with police").
  if (!after && opensSentence(tokens, s, a)) {
    why.push('opens the sentence');
    return { score: 0.5, foreign, why: why.join(', ') };
  }
  let score = (after ? to - from : (to - from) * 1.5 + 1) + boundaries * 3;
  if (boundaries) why.push(`${boundaries} clause boundar${boundaries > 1 ? 'ies' : 'y'} between`);
  // Another event phrase between them: the date is more likely that event's.
  for (const o of ctx.triggers ?? []) {
    const oa = tokenIndexAt(tokens, o.start, s.tokenStart, s.tokenEnd);
    if (oa >= ta && oa <= tb) continue;
    if (after ? oa > tb && oa < a : oa >= b && oa < ta) {
      foreign += 4;
      why.push('another event phrase in between');
      break;
    }
  }
  const prep = a - 1 >= s.tokenStart ? tokens[a - 1].lower : '';
  if (prep === 'since' && perfectPhrase(tokens, s, ta) && /^\d{4}-\d{2}-\d{2}/.test(t.value)) {
    // "37 people have been killed in clashes since Friday": the day the ongoing event began.
    why.push('"since" with a perfect tense: the day it began');
  } else if (prep === 'by' && !past) {
    // "must be returned by Jan. 14": a coming event's deadline is the latest day it happens, a weak date for it
    foreign += 3;
    why.push('"by" gives its deadline');
  } else if (NOT_WHEN.has(prep)) {
    foreign += 8;
    why.push(`"${prep}" makes it another time`);
  }
  // "for its fourth quarter ended June 30": the day ends the period named before it
  if ((prep === 'ended' || prep === 'ending') && !(a - 1 >= ta && a - 1 <= tb) && a - 2 >= s.tokenStart && PERIOD_NOUN.test(tokens[a - 2].lower)) {
    foreign += 6;
    why.push('it ends the period before it');
  }
  // "rose to $155 million from $99 million a year earlier": the time of the figure compared with
  if (comparisonBaseline(tokens, s, a)) {
    foreign += 6;
    why.push('the time of the figure compared with');
  }
  if (prep === 'of' && !(a - 2 >= s.tokenStart && TIME_OF.test(tokens[a - 2].lower))) {
    foreign += 4;
    why.push('"of" ties it to a noun');
  }
  // "the May 3 elections", "the 2018 Finance Act": a date before a noun names that noun's time, unless the
  // noun is the event phrase itself ("the April 13 attack").
  const next = tokens[b];
  // ("after the Friday prayers" is the day of the march that followed them)
  if ((prep === 'the' || prep === 'a' || prep === 'its') && b < s.tokenEnd && b !== ta && next && /^\p{L}{3,}$/u.test(next.text) && !LOOSE_AFTER.test(next.lower) && !CLAUSE_OPENERS.has(next.lower) && !/^(?:ended|ending|prayers?|services?|mass)$/.test(next.lower)) {
    foreign += 8;
    why.push('it names the time of the noun after it');
  }
  return { score, foreign, why: why.join(', ') };
}

/** Determiners that open a noun phrase a date may modify ("the 1959 embargo", "its May 3 vote"). */
const NOUN_PHRASE_OPENERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that', 'last']);

/**
 * Is the expression [a, b) a modifier of the noun at ta: a possessive ("Thursday's ruling") or a date after a
 * determiner ("the 1959 trade embargo"), with at most two lower-case modifiers before the noun? A bare date
 * before a verb is not ("the revolution that brought Castro to power 42 years ago gathered ...").
 */
function premodifies(tokens: Token[], a: number, b: number, ta: number): boolean {
  // the tokenizer may keep "Saturday's" whole, or split off "'s"
  const split = tokens[b]?.text === "'s" || tokens[b]?.text === '’s';
  const possessive = split || /['’]s$/i.test(tokens[b - 1]?.text ?? '');
  if (!possessive && !NOUN_PHRASE_OPENERS.has(tokens[a - 1]?.lower ?? '')) return false;
  if (!possessive && ta === b && /(?:ed|ing)$/.test(tokens[ta].lower)) return false;
  for (let i = split ? b + 1 : b; i < ta; i++) {
    const w = tokens[i].text;
    if (!/^\p{Ll}{3,}$/u.test(w) || LOOSE_AFTER.test(w) || CLAUSE_OPENERS.has(w) || REPORTING.has(w)) return false;
  }
  return true;
}

/** Does "when" open a clause right after the date (after a comma or dash at most), reaching the event at ta? */
function whenClauseAfter(tokens: Token[], b: number, ta: number): boolean {
  let i = b;
  if (i < ta && /^(?:,|_|—|–|-)$/.test(tokens[i].text)) i++;
  if (i >= ta || tokens[i].lower !== 'when') return false;
  for (let k = i + 1; k < ta; k++) if (tokens[k].text === ';' || tokens[k].text === ':') return false;
  return true;
}

/** Period nouns a closing day may follow ("the quarter ended Sept. 30"). */
const PERIOD_NOUN = /^(?:quarter|year|period|half|months|weeks|term|session)$/;

/**
 * Is the expression at token a the time of the baseline of a comparison: "from", "with" or "than", a figure,
 * then the expression ("from $99 million a year earlier", "from fewer than 100,000 in 1980")?
 */
function comparisonBaseline(tokens: Token[], s: Sentence, a: number): boolean {
  let figure = false;
  for (let i = a - 1; i >= s.tokenStart && i >= a - 8; i--) {
    const w = tokens[i].lower;
    if (w === '.' || w === ';' || w === ':') return false;
    if (/^[$€£#]?\d/.test(w)) figure = true;
    else if (w === 'from' || w === 'with' || w === 'than' || w === 'versus' || w === 'vs.') return figure;
  }
  return false;
}

/** Is the event phrase at token ta in a perfect tense ("have been killed", "has fought")? */
function perfectPhrase(tokens: Token[], s: Sentence, ta: number): boolean {
  for (let i = ta - 1; i >= s.tokenStart && i >= ta - 3; i--) {
    const w = tokens[i].lower;
    if (w === 'has' || w === 'have' || w === 'had') return true;
    if (w !== 'been' && w !== 'already' && w !== 'not' && !(w.length > 4 && w.endsWith('ly'))) return false;
  }
  return false;
}

/** The nearest past-running duration with an anchor in the sentence: the start of the state the event changes. */
function stateStart(times: readonly TimeExpr[]): string | undefined {
  const d = times.find((t) => t.type === 'DURATION' && t.direction === 'past' && t.anchor);
  return d?.anchor;
}

/** Dates that can date an event: DATE or TIME expressions with a calendar value. */
const usableTime = (t: TimeExpr) => (t.type === 'DATE' || t.type === 'TIME') && calendarDate(t.value) !== null;

/**
 * A date carried from the sentences just before, when the event's sentence names no time at all and tells
 * a past event: a story told in order keeps its time until it names another ("On 24 January, an army unit
 * destroyed four vehicles. The ambush took place near the town"). Only day or month dates, from at most two
 * sentences back in the same paragraph, and never one after the report.
 */
function carried(ctx: DatingContext, published: string | null): { t: TimeExpr; why: string } | null {
  const story = ctx.storyTimes;
  if (!story) return null;
  const s = ctx.sentence;
  if (story.some((t) => t.sentence === s.index && (t.type === 'DATE' || t.type === 'TIME'))) return null;
  for (let k = s.index - 1; k >= 0 && k >= s.index - 2; k--) {
    const inK = story.filter((t) => t.sentence === k && (t.type === 'DATE' || t.type === 'TIME'));
    if (ctx.text && ctx.sentences?.[k] && /\n\s*\n/.test(ctx.text.slice(ctx.sentences[k].end, s.start))) return null;
    if (!inK.length) continue;
    // "Barkhane said Friday that soldiers fought from Sunday to Thursday": the saying's day is no story time.
    const t = inK.find((x) => usableTime(x) && !reportTime(ctx.tokens, x)) ?? inK.find(usableTime);
    if (!t) return null;
    const cal = calendarDate(t.value)!;
    if (cal.precision === 'year') return null;
    if (published && cal.date > published.slice(0, cal.date.length)) return null;
    return { t, why: `carried from the sentence before ("${t.text}")` };
  }
  return ledeDate(ctx, published);
}

/** Is the expression the time of a report ("said Friday", "Friday, officials said")? */
function reportTime(tokens: Token[], t: TimeExpr): boolean {
  const a = tokenIndexAt(tokens, t.start, 0, tokens.length);
  const b = tokenIndexAt(tokens, t.end, 0, tokens.length);
  const before = tokens[a - 1]?.lower ?? '';
  const before2 = tokens[a - 2]?.lower ?? '';
  return REPORTING.has(before) || (before === 'on' && REPORTING.has(before2)) || REPORTING.has(tokens[b]?.lower ?? '');
}

/**
 * A story's opening sentences that name no time take the day the next sentence names, when no time came
 * before them ("Ten people were killed in clashes at a gold mine. The violence erupted early Tuesday ..."):
 * the second sentence of a report tells when the first one's event happened. Not a report's own day, not a
 * start or a deadline ("since Friday"), and never one after the report.
 */
function ledeDate(ctx: DatingContext, published: string | null): { t: TimeExpr; why: string } | null {
  const story = ctx.storyTimes;
  const s = ctx.sentence;
  if (!story || s.index > 1 || story.some((t) => t.sentence < s.index && (t.type === 'DATE' || t.type === 'TIME'))) return null;
  const next = ctx.sentences?.[s.index + 1];
  if (!next || (ctx.text && /\n\s*\n/.test(ctx.text.slice(s.end, next.start)))) return null;
  for (const t of story) {
    if (t.sentence !== next.index || !usableTime(t) || reportTime(ctx.tokens, t)) continue;
    const cal = calendarDate(t.value)!;
    if (cal.precision !== 'day') continue;
    if (published && cal.date > published.slice(0, 10)) continue;
    const a = tokenIndexAt(ctx.tokens, t.start, next.tokenStart, next.tokenEnd);
    if (NOT_WHEN.has(ctx.tokens[a - 1]?.lower ?? '')) continue;
    return { t, why: `the day the next sentence names ("${t.text}")` };
  }
  return null;
}

/**
 * The governing time of an event phrase [triggerStart, triggerEnd) among its sentence's expressions.
 * With `context` (the sentence's tokens, names and other event phrases) the attachment is read from the
 * clause structure; without it, the nearest expression wins, one after the phrase preferred.
 */
export function dateEvent(
  times: TimeExpr[],
  triggerStart: number,
  triggerEnd: number,
  published: string | null,
  context?: DatingContext,
): EventDate {
  const usable = times.filter(usableTime);
  const since = stateStart(times);
  let best: { t: TimeExpr; rank: number; why: string } | null = null;
  if (context) {
    const { tokens, sentence: s } = context;
    const ta = tokenIndexAt(tokens, triggerStart, s.tokenStart, s.tokenEnd);
    const tb = Math.max(ta, tokenIndexAt(tokens, triggerEnd, s.tokenStart, s.tokenEnd) - 1);
    const past = pastEvent(tokens, s, ta, tb);
    for (const t of usable) {
      // A past event is not dated by a day after the report ("protested for the elections set for 7 February").
      if (past && published && startsAfter(t.value, published)) continue;
      const at = attachment(context, t, ta, tb, past);
      // Evidence that the date is another time than the event's rules it out.
      if (at.foreign >= 8) continue;
      const rank = at.score + at.foreign * 2;
      if (!best || rank < best.rank) best = { t, rank, why: at.why };
    }
    // "U.S. officials have blamed the Taliban": an active present perfect tells a state up to now, not the
    // story's day ("soldiers have been killed" after a dated attack still is that attack)
    const activePerfect = perfectPhrase(tokens, s, ta) && tokens[ta - 1]?.lower !== 'been';
    if (!best && past && !activePerfect) {
      const c = carried(context, published);
      if (c) best = { t: c.t, rank: 0, why: c.why };
    }
  } else {
    for (const t of usable) {
      const dist = t.start >= triggerEnd ? t.start - triggerEnd : triggerStart - t.end + 5;
      if (!best || dist < best.rank) best = { t, rank: dist, why: '' };
    }
  }
  const out: EventDate = best
    ? { ...calendarDate(best.t.value)!, from: 'text', time: best.t, reason: `"${best.t.text}" (${best.t.value})${best.why ? ': ' + best.why : ''}` }
    : publishedDate(published);
  if (since) out.since = since;
  return out;
}

/** The event date lies well before publication: background, not news. */
export function isHistorical(d: EventDate, published: string | null): boolean {
  if (d.from !== 'text' || !d.date || !published) return false;
  const pubYear = Number(published.slice(0, 4));
  const year = Number(d.date.slice(0, 4));
  return pubYear - year >= 2;
}

/** The event date lies after publication: announced or planned. */
export function isAfter(d: EventDate, published: string | null): boolean {
  if (d.from !== 'text' || !d.date || !published) return false;
  return d.date > published.slice(0, d.date.length);
}

/** Actor mentions of one sentence, for DatingContext.actors. */
export function sentenceActors(actors: readonly ActorMention[], sentence: number): ActorMention[] {
  return actors.filter((a) => a.sentence === sentence);
}

/**
 * The DatingContext of sentence `index` of an analysed document. `triggers` are the sentence's event phrases
 * (character spans; the one being dated may be among them); `actors` the sentence's actor mentions when the
 * caller has them grouped already (else they are picked from doc.actors).
 */
export function datingContext(
  doc: Pick<Doc, 'text' | 'tokens' | 'sentences' | 'actors' | 'times'>,
  index: number,
  triggers: readonly Span[] = [],
  actors: readonly Span[] = sentenceActors(doc.actors, index),
): DatingContext {
  return { tokens: doc.tokens, sentence: doc.sentences[index], actors, triggers, storyTimes: doc.times, text: doc.text, sentences: doc.sentences };
}
