// Relation use cases: the states in force on a day (with what was known by a day), a dyad's timeline of events,
// state changes and a monthly cooperation-conflict index, its key days, and the sharpest shifts across dyads.
import { DyadError } from '../core/errors.js';
import type { Store, StoredArticle, StoredEvent } from '../store/index.js';
import { buildRelations, dateStart, inForce } from '../stages/relations/build.js';
import type { RelationKind, RelationState, StoredRelationClaim } from '../stages/relations/types.js';

export interface RelationQueryOptions {
  /** Only what the stories published on or before this day said (record time): "what did we know then". */
  knownAt?: string;
  kind?: RelationKind;
}

const PARTY_RE = /^(?:[A-Z]{3}|IGO:[A-Z0-9-]+)$/;

/** Parties are ISO3 (NER) or organisation codes (IGO:ECOWAS); lower case is accepted and folded. */
export function checkParty(name: string, value: string): string {
  const v = value.trim().toUpperCase();
  if (!PARTY_RE.test(v)) {
    throw new DyadError('USAGE', `${name} must be a country's ISO3 code (NER) or an organisation code (IGO:ECOWAS), got "${value}"`);
  }
  return v;
}

function checkDay(name: string, value: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) || !dateStart(value)) {
    throw new DyadError('USAGE', `${name} must be YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

/** The claims on a party (or a pair), cut to those published by `knownAt` when given. */
export function claimsOf(store: Store, a: string, b: string | undefined, opts: RelationQueryOptions = {}): StoredRelationClaim[] {
  const claims = store.relationClaims({ a: checkParty('A', a), b: b === undefined ? undefined : checkParty('B', b), kind: opts.kind });
  if (opts.knownAt === undefined) return claims;
  const known = dateStart(checkDay('--known-at', opts.knownAt))!;
  // A story with no published date cannot be placed in record time: it is left out of a "known at" view.
  return claims.filter((c) => {
    const p = dateStart(c.published);
    return p !== null && p <= known;
  });
}

/** Every state (interval) of a party or pair, in valid-time order. */
export function relationHistory(store: Store, a: string, b?: string, opts: RelationQueryOptions = {}): RelationState[] {
  return buildRelations(claimsOf(store, a, b, opts));
}

/** The states in force on `asOf` (YYYY, YYYY-MM or YYYY-MM-DD; read as its first day). */
export function relationsAsOf(store: Store, a: string, b: string | undefined, asOf: string, opts: RelationQueryOptions = {}): RelationState[] {
  const day = checkDay('--as-of', asOf);
  return relationHistory(store, a, b, opts).filter((s) => inForce(s, day));
}

export interface TimelineEntry {
  date: string | null;
  type: 'event' | 'opened' | 'closed';
  /** The event's PLOVER type, or the relation's kind (and subtype) for a state change. */
  what: string;
  source: string | null;
  target: string | null;
  goldstein: number | null;
  quad: number | null;
  evidence: string;
  article_id: string | null;
  id: string;
  /** The story's publication date (record time of the entry). */
  published?: string | null;
  /** Whether the date was written in the text (a time expression) or taken from the story's date. */
  dated_by?: 'text' | 'published' | null;
  /** Who published the story (its source, else the web host, else the file it came from): independent reports. */
  outlet?: string | null;
}

export interface MonthIndex {
  month: string;
  events: number;
  /** Sum of Goldstein scores: above zero leans cooperative, below zero conflictual. */
  goldstein: number;
  /** Events per quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: { 1: number; 2: number; 3: number; 4: number };
}

export interface Timeline {
  a: string;
  b: string | null;
  entries: TimelineEntry[];
  months: MonthIndex[];
  states: RelationState[];
}

function party(m: StoredEvent['source']): string | null {
  if (!m) return null;
  return m.country ?? (m.code.startsWith('IGO:') ? m.code : null);
}

function sideOf(m: StoredEvent['source']): string | null {
  return m ? m.code : null;
}

/** The publisher of a story, so two reports from one outlet are not counted as independent. */
function outletOf(a: StoredArticle): string | null {
  if (a.source) return a.source;
  if (a.url) {
    const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(a.url);
    if (host) return host[1].toLowerCase().replace(/^www\./, '');
  }
  // A file of stories (origin "path:line") is one outlet; a folder of files, one per file.
  return a.origin ? a.origin.replace(/:\d+$/, '') : null;
}

function eventsOf(store: Store, A: string, B: string | undefined, byParty: boolean): StoredEvent[] {
  if (byParty) {
    return store.events({ actor: A }).filter((e) => {
      const s = party(e.source);
      const t = party(e.target);
      if (B === undefined) return s === A || t === A;
      return (s === A && t === B) || (s === B && t === A);
    });
  }
  // Any actor the store can find (a code prefix, an entity id, a name): the store's own matching, both ways.
  if (B === undefined) return store.events({ actor: A });
  const seen = new Set<string>();
  const out: StoredEvent[] = [];
  for (const e of [...store.events({ source: A, target: B }), ...store.events({ source: B, target: A })]) {
    if (!seen.has(e.id)) out.push(e), seen.add(e.id);
  }
  return out;
}

/**
 * The events of a party (or between a pair, either direction) in date order, with the relation states they
 * opened and closed, and a monthly index. Asserted, dated events only; undated ones cannot be placed.
 * A and B are parties (NER, IGO:ECOWAS), matched on the country of each side; anything else the store can
 * find as an actor (a code such as LBYREB, an entity id, a name such as Gaddafi) is matched as the store
 * matches it, and then the timeline has events only (relation states are kept between parties).
 */
export function timeline(store: Store, a: string, b?: string, opts: RelationQueryOptions = {}): Timeline {
  const asParty = (v: string) => PARTY_RE.test(v.trim().toUpperCase());
  if (!a.trim()) throw new DyadError('USAGE', 'A must be a party (NER, IGO:ECOWAS) or an actor (code, entity id or name)');
  const byParty = asParty(a) && (b === undefined || asParty(b));
  const A = byParty ? checkParty('A', a) : a.trim();
  const B = b === undefined ? undefined : byParty ? checkParty('B', b) : b.trim();
  const events = eventsOf(store, A, B, byParty).filter((e) => e.date);
  const needed = new Set(events.map((e) => e.article_id));
  const outlets = new Map<string, string | null>();
  if (needed.size) for (const art of store.articles()) if (needed.has(art.id)) outlets.set(art.id, outletOf(art));
  const entries: TimelineEntry[] = events.map((e) => ({
    date: e.date,
    type: 'event',
    what: e.mode ? `${e.event}/${e.mode}` : e.event,
    source: sideOf(e.source),
    target: sideOf(e.target),
    goldstein: e.goldstein,
    quad: e.quad,
    evidence: e.evidence.text,
    article_id: e.article_id,
    id: e.id,
    published: e.published,
    dated_by: e.time ? 'text' : e.published ? 'published' : null,
    outlet: outlets.get(e.article_id) ?? null,
  }));
  const states = byParty ? relationHistory(store, A, B, opts) : [];
  for (const s of states) {
    const what = s.subtype ? `${s.kind}/${s.subtype}` : s.kind;
    const opening = s.evidence.find((x) => x.action !== 'closes');
    const closing = s.evidence.find((x) => x.action === 'closes');
    // A state change is dated by the claim that made it; an interval that begins with a report ("has 1,500
    // troops stationed") begins where the stories first see it, which is not a change on that day.
    if (s.valid_from !== null && opening) {
      entries.push({ date: s.valid_from, type: 'opened', what, source: s.a, target: s.b, goldstein: null, quad: null, evidence: opening.text, article_id: opening.article_id, id: opening.claim_id, dated_by: opening.action === 'opens' ? 'text' : null });
    }
    if (s.valid_to !== null && closing) {
      entries.push({ date: s.valid_to, type: 'closed', what, source: s.a, target: s.b, goldstein: null, quad: null, evidence: closing.text, article_id: closing.article_id, id: closing.claim_id, dated_by: 'text' });
    }
  }
  entries.sort((x, y) => {
    const dx = dateStart(x.date) ?? '~';
    const dy = dateStart(y.date) ?? '~';
    if (dx !== dy) return dx < dy ? -1 : 1;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
  const byMonth = new Map<string, MonthIndex>();
  for (const e of events) {
    // Year-only dates cannot be placed in a month; they stay in the entries, out of the index.
    if (e.date_precision !== 'day' && e.date_precision !== 'month') continue;
    const month = e.date!.slice(0, 7);
    let m = byMonth.get(month);
    if (!m) byMonth.set(month, (m = { month, events: 0, goldstein: 0, quad: { 1: 0, 2: 0, 3: 0, 4: 0 } }));
    m.events++;
    m.goldstein = Math.round((m.goldstein + e.goldstein) * 10) / 10;
    if (e.quad >= 1 && e.quad <= 4) m.quad[e.quad as 1 | 2 | 3 | 4]++;
  }
  const months = [...byMonth.values()].sort((x, y) => (x.month < y.month ? -1 : 1));
  return { a: A, b: B ?? null, entries, months, states };
}

/** Key-date selection weights (see keyDates for how they combine). */
export const KEY_WEIGHTS = {
  /** What one story recalling the day counts for, against one story reporting it. */
  later: 4,
  /** A story recalls a day when it names it and was published more than this many days after it. */
  laterAfterDays: 1,
  /** Days either side over which a day's usual volume of reports is measured (for burstiness). */
  burstWindowDays: 15,
  /** Weight of log2(1 + burst) beside the coverage (the only signal for the last days of a collection). */
  burst: 1.5,
  /** Later references are scaled by T / (stories after the day + T x this): recent days had less chance. */
  recallSmoothing: 0.25,
  /** Per state change (a relation opened or closed by a stated act) on the day, at most two. */
  stateChange: 1,
  /** Days closer than this to a picked day are the same episode and are never picked. */
  gapDays: 1,
  /** Redundancy: each picked day damps a candidate by up to this share, fading with distance (days / tau). */
  redundancy: 0.6,
  redundancyTauDays: 5,
} as const;

export interface KeyDate {
  date: string;
  score: number;
  /** Distinct stories with an event on that day (reports of the day plus later references). */
  articles: number;
  /** Stories published more than a day later that recall the day in their text. */
  later_references: number;
  /** Distinct outlets among those stories. */
  outlets: number;
  events: number;
  /** How far the day's reports stand out from the usual volume of the month around it (1 = usual). */
  burst: number;
  /** Mean |Goldstein| of the day's events (0-10): how intense the day was, cooperative or conflictual. */
  intensity: number;
  state_changes: string[];
  /**
   * The sentence that stands for the day: among those of later stories recalling it (else those naming it, else
   * all of the day's), the one sharing most words with the day's other sentences (see centralSentence).
   */
  evidence: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (d: string): number => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

interface DayTally {
  /** Per outlet: stories reporting the day (published on it or the day after, or dated by the story). */
  reports: Map<string, Set<string>>;
  /** Per outlet: stories published later that recall the day. */
  later: Map<string, Set<string>>;
  events: number;
  intensitySum: number;
  changes: string[];
  /** rank 2: a later story recalling the day; 1: a sentence naming the day; 0: dated by the story. */
  best: { rank: number; g: number; text: string } | null;
  /** Each distinct event sentence of the day with its rank (as for best). */
  sentences: Map<string, number>;
}

/**
 * The N days that matter most in a timeline, as a journalist's timeline picks them. Date selection in the
 * timeline-summarisation literature ranks a day by how many stories refer to it, by publication and by dates
 * written in the text; here, per day (weights in KEY_WEIGHTS):
 *   coverage = sum over outlets of log2(1 + reports + 4 x r x later references): independent outlets add up,
 *              one outlet's hundredth story adds little, and a story recalling the day later ("since the
 *              uprising began on February 15") marks a milestone. r = T / (stories after the day + T / 4)
 *              (T: stories in the timeline) makes up for recent days having had less time to be recalled.
 *   burst    = the day's reports / (mean daily reports in the 15 days either side + 1): a day that stands out
 *              from the month around it, so a quiet month's big day is not drowned by a busy month.
 *   score    = (coverage + 1.5 x log2(1 + burst)) x (1 + mean |Goldstein| / 20) + 1 per state change (at most 2).
 * Days are picked greedily by score; each pick rules out its neighbours (the same episode) and damps the days
 * near it by 1 - 0.6 e^(-days / 5) (the nearest pick counts), so the N days spread over the story. Days at
 * least two stories bear out (or with a stated change) are picked before days from one story only. Only
 * day-precise dates can be picked.
 * Returned in date order.
 */
export function keyDates(t: Timeline, n: number): KeyDate[] {
  if (!Number.isInteger(n) || n < 1) throw new DyadError('USAGE', `--key must be a whole number >= 1, got ${String(n)}`);
  const W = KEY_WEIGHTS;
  const days = new Map<string, DayTally>();
  const add = (m: Map<string, Set<string>>, outlet: string, article: string) => {
    const set = m.get(outlet);
    if (set) set.add(article);
    else m.set(outlet, new Set([article]));
  };
  for (const e of t.entries) {
    if (!e.date || !DAY_RE.test(e.date)) continue;
    let d = days.get(e.date);
    if (!d) days.set(e.date, (d = { reports: new Map(), later: new Map(), events: 0, intensitySum: 0, changes: [], best: null, sentences: new Map() }));
    if (e.type !== 'event') {
      // Only a stated act (opened or ended on that day) is a change; a first report of a standing state is not.
      if (e.dated_by === 'text') d.changes.push(`${e.type} ${e.what} ${e.source}-${e.target}`);
      if (!d.best) d.best = { rank: 0, g: 0, text: e.evidence };
      continue;
    }
    d.events++;
    const g = Math.abs(e.goldstein ?? 0);
    d.intensitySum += g;
    const article = e.article_id ?? e.id;
    const outlet = e.outlet ?? article;
    const pub = e.published && DAY_RE.test(e.published) ? dayNumber(e.published) : null;
    const recalled = e.dated_by === 'text' && pub !== null && pub - dayNumber(e.date) > W.laterAfterDays;
    add(recalled ? d.later : d.reports, outlet, article);
    // A later story's background sentence sums the day up ("the uprising that began on February 15").
    const rank = recalled ? 2 : e.dated_by === 'text' ? 1 : 0;
    if (!d.best || rank > d.best.rank || (rank === d.best.rank && g > d.best.g)) d.best = { rank, g, text: e.evidence };
    d.sentences.set(e.evidence, Math.max(rank, d.sentences.get(e.evidence) ?? 0));
  }
  // Reports per day, all outlets together, for the burst of each day against the month around it.
  const volume = new Map<number, number>();
  for (const [date, d] of days) {
    let v = 0;
    for (const set of d.reports.values()) v += set.size;
    volume.set(dayNumber(date), v);
  }
  // Stories published after each day: an early day has had more chances to be recalled than a recent one.
  const published = new Map<string, number>();
  for (const e of t.entries) if (e.article_id && e.published && DAY_RE.test(e.published)) published.set(e.article_id, dayNumber(e.published));
  const pubDays = [...published.values()].sort((p, q) => p - q);
  const storiesAfter = (x: number): number => {
    let lo = 0;
    let hi = pubDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pubDays[mid] <= x + W.laterAfterDays) lo = mid + 1;
      else hi = mid;
    }
    return pubDays.length - lo;
  };
  const scored = [...days].map(([date, d]) => {
    const x = dayNumber(date);
    // Recall rate smoothed towards the whole: T / (after + T / 4) is near 1 for early days, up to 4 for late ones.
    const opportunity = pubDays.length ? pubDays.length / (storiesAfter(x) + pubDays.length * W.recallSmoothing) : 1;
    const outlets = new Set([...d.reports.keys(), ...d.later.keys()]);
    const articles = new Set<string>();
    let coverage = 0;
    let later = 0;
    for (const o of outlets) {
      const r = d.reports.get(o);
      const l = d.later.get(o);
      r?.forEach((x) => articles.add(x));
      l?.forEach((x) => articles.add(x));
      later += l?.size ?? 0;
      coverage += Math.log2(1 + (r?.size ?? 0) + W.later * opportunity * (l?.size ?? 0));
    }
    let around = 0;
    for (let k = 1; k <= W.burstWindowDays; k++) around += (volume.get(x - k) ?? 0) + (volume.get(x + k) ?? 0);
    const burst = (volume.get(x) ?? 0) / (around / (2 * W.burstWindowDays) + 1);
    const intensity = d.events ? d.intensitySum / d.events : 0;
    const score = (coverage + W.burst * Math.log2(1 + burst)) * (1 + intensity / 20) + W.stateChange * Math.min(2, d.changes.length);
    return {
      date,
      score: Math.round(score * 100) / 100,
      articles: articles.size,
      later_references: later,
      outlets: outlets.size,
      events: d.events,
      burst: Math.round(burst * 100) / 100,
      intensity: Math.round(intensity * 10) / 10,
      state_changes: d.changes,
      evidence: d.best?.text ?? '',
      tally: d,
    };
  });
  // Best first, ties by date: the greedy pass below then never depends on Map order.
  scored.sort((p, q) => q.score - p.score || (p.date < q.date ? -1 : 1));
  const picked: typeof scored = [];
  const damp = scored.map(() => 1);
  const taken = scored.map(() => false);
  const at = scored.map((k) => dayNumber(k.date));
  // Days two stories bear out (or a stated change) come first; a day only one story gives fills in after them.
  const supported = scored.map((k) => k.articles >= 2 || k.state_changes.length > 0);
  for (const pass of [true, false]) {
    while (picked.length < n) {
      let best = -1;
      for (let i = 0; i < scored.length; i++) {
        if (taken[i] || damp[i] === 0 || (pass && !supported[i])) continue;
        if (best < 0 || scored[i].score * damp[i] > scored[best].score * damp[best]) best = i;
      }
      if (best < 0) break;
      taken[best] = true;
      picked.push(scored[best]);
      // The nearest pick sets the damping (as in maximal marginal relevance), so picks in one busy month do
      // not compound into pushing every later pick to a stray day years away.
      for (let i = 0; i < scored.length; i++) {
        const gap = Math.abs(at[i] - at[best]);
        damp[i] = gap <= W.gapDays ? 0 : Math.min(damp[i], 1 - W.redundancy * Math.exp(-gap / W.redundancyTauDays));
      }
    }
  }
  return picked
    .map(({ tally, ...k }) => ({ ...k, evidence: centralSentence(tally) ?? k.evidence }))
    .sort((p, q) => (p.date < q.date ? -1 : 1));
}

const CONTENT_WORD_RE = /\p{L}{4,}/gu;

/**
 * The sentence that best stands for a day, as timeline summaries choose one: among the sentences of the best
 * rank (recalled later, else naming the day), the one whose words the day's other sentences share most
 * (summed document frequency of its distinct words of four letters or more, over the square root of their number).
 */
function centralSentence(d: DayTally): string | null {
  if (d.sentences.size === 0) return null;
  const wordsOf = (text: string) => new Set((text.toLowerCase().match(CONTENT_WORD_RE) ?? []));
  const df = new Map<string, number>();
  const bags = new Map<string, Set<string>>();
  for (const text of d.sentences.keys()) {
    const bag = wordsOf(text);
    bags.set(text, bag);
    for (const w of bag) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const top = Math.max(...d.sentences.values());
  let best: string | null = null;
  let bestScore = -1;
  for (const [text, rank] of d.sentences) {
    if (rank !== top) continue;
    const bag = bags.get(text)!;
    let sum = 0;
    for (const w of bag) sum += df.get(w)! - 1;
    const score = bag.size ? sum / Math.sqrt(bag.size) : 0;
    if (score > bestScore || (score === bestScore && best !== null && text < best)) {
      best = text;
      bestScore = score;
    }
  }
  return best;
}

export interface Shift {
  /** YYYY-MM for a change in the index; the state change's own date otherwise. */
  date: string;
  a: string;
  b: string;
  type: 'index' | 'state';
  /** For the index: the month's Goldstein sum minus the previous month's (0 when the pair was quiet). */
  change: number | null;
  what: string;
  /** How sharp the shift is, comparable across pairs and types: |index change|, or 20 + 5 per report for a state. */
  magnitude: number;
  evidence: string;
}

export interface ShiftOptions {
  actor?: string;
  since?: string;
  limit?: number;
}

// Relation changes an analyst is alerted to: standing arrangements ending, sanctions and hostilities starting.
const ALERT_CLOSES = new Set(['agreement', 'diplomatic', 'membership', 'presence', 'aid']);
const ALERT_OPENS = new Set(['sanctions', 'conflict']);
/** A month needs this many events of the pair before its index change counts (one story is not a shift). */
const MIN_MONTH_EVENTS = 3;

/**
 * The sharpest changes across dyads: month-over-month jumps in the Goldstein index of a pair, and relation state
 * changes (an agreement terminated, relations broken, sanctions imposed), ranked by magnitude.
 */
export function shifts(store: Store, opts: ShiftOptions = {}): Shift[] {
  const actor = opts.actor === undefined ? undefined : checkParty('--actor', opts.actor);
  const since = opts.since === undefined ? undefined : dateStart(checkDay('--since', opts.since))!;
  const limit = opts.limit ?? 20;
  const out: Shift[] = [];

  const months = new Map<string, Map<string, { sum: number; n: number; best: { g: number; text: string } }>>();
  for (const e of store.events({ actor, since })) {
    if (!e.date || (e.date_precision !== 'day' && e.date_precision !== 'month')) continue;
    const s = party(e.source);
    const t = party(e.target);
    if (!s || !t || s === t) continue;
    const key = s < t ? `${s} ${t}` : `${t} ${s}`;
    let byMonth = months.get(key);
    if (!byMonth) months.set(key, (byMonth = new Map()));
    const m = e.date.slice(0, 7);
    let cell = byMonth.get(m);
    if (!cell) byMonth.set(m, (cell = { sum: 0, n: 0, best: { g: -1, text: '' } }));
    cell.sum += e.goldstein;
    cell.n++;
    if (Math.abs(e.goldstein) > cell.best.g) cell.best = { g: Math.abs(e.goldstein), text: e.evidence.text };
  }
  const prevMonth = (m: string): string => {
    const [y, mo] = m.split('-').map(Number);
    return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  };
  for (const [key, byMonth] of months) {
    const [a, b] = key.split(' ');
    for (const [m, cell] of byMonth) {
      if (cell.n < MIN_MONTH_EVENTS) continue;
      const before = byMonth.get(prevMonth(m))?.sum ?? 0;
      const change = Math.round((cell.sum - before) * 10) / 10;
      if (change === 0) continue;
      out.push({ date: m, a, b, type: 'index', change, what: `index ${Math.round(before * 10) / 10} -> ${Math.round(cell.sum * 10) / 10} (${cell.n} events)`, magnitude: Math.abs(change), evidence: cell.best.text });
    }
  }

  const claims = store.relationClaims(actor === undefined ? {} : { a: actor });
  for (const s of buildRelations(claims)) {
    const what = s.subtype ? `${s.kind}/${s.subtype}` : s.kind;
    const weight = 20 + 5 * s.reports;
    if (ALERT_CLOSES.has(s.kind) && s.valid_to !== null && (!since || dateStart(s.valid_to)! >= since)) {
      const ev = s.evidence.find((x) => x.action === 'closes');
      out.push({ date: s.valid_to, a: s.a, b: s.b, type: 'state', change: null, what: `${what} ended`, magnitude: weight, evidence: ev?.text ?? '' });
    }
    if (ALERT_OPENS.has(s.kind) && s.valid_from !== null && (!since || dateStart(s.valid_from)! >= since)) {
      out.push({ date: s.valid_from, a: s.a, b: s.b, type: 'state', change: null, what: `${what} began`, magnitude: weight, evidence: s.evidence[0]?.text ?? '' });
    }
  }
  out.sort((x, y) => y.magnitude - x.magnitude || (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || (`${x.a}${x.b}` < `${y.a}${y.b}` ? -1 : 1));
  return out.slice(0, limit);
}
