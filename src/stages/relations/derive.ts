// Relation claims from one analysed article: from its coded events (what an act opened or ended) and from
// stative sentences no event covers ("France currently has 1,500 military personnel stationed in Niger").
// Pure: reads doc.text, sentences, actors, times and events; tokens are not needed (the store frees them).
import type { ActorMention, CodedEvent, DatePrecision, Doc, Evidence, Sentence, TimeExpr } from '../../core/types.js';
import { SYMMETRIC_KINDS, type AttributeValue, type ClaimAction, type RelationClaim, type RelationKind } from './types.js';

interface Word {
  lower: string;
  start: number;
  end: number;
}

const WORD_RE = /\p{L}+(?:['’.-]\p{L}+)*|\d[\d,.]*\d|\d/gu;

function wordsOf(text: string, offset: number): Word[] {
  const out: Word[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    out.push({ lower: m[0].toLowerCase(), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}

const AGREEMENT_NOUNS = new Set(['agreement', 'agreements', 'pact', 'pacts', 'accord', 'accords', 'treaty', 'treaties', 'deal', 'deals', 'arrangement', 'arrangements']);
// The word before the noun that names the agreement's field; "defense" is folded into "defence".
const AGREEMENT_SUBTYPES = new Map<string, string>([
  ['security', 'security'], ['military', 'military'], ['defence', 'defence'], ['defense', 'defence'],
  ['investment', 'investment'], ['trade', 'trade'], ['economic', 'economic'], ['nuclear', 'nuclear'],
  ['peace', 'peace'], ['ceasefire', 'ceasefire'], ['cease-fire', 'ceasefire'], ['energy', 'energy'],
  ['gas', 'energy'], ['oil', 'energy'], ['cooperation', 'cooperation'], ['extradition', 'extradition'],
  ['border', 'border'], ['fisheries', 'fisheries'], ['migration', 'migration'], ['arms', 'arms'],
  ['status-of-forces', 'status of forces'], ['basing', 'basing'], ['tax', 'tax'], ['aviation', 'aviation'],
]);
// Past forms only: "when we reach an agreement" or "pressing Saleh to sign a deal" open nothing.
const OPEN_VERBS = new Set([
  'signed', 'signing', 'concluded', 'ratified', 'renewed', 'inked', 'struck', 'reached', 'established', 'restored',
  'resumed', 're-established', 'reestablished', 'normalised', 'normalized', 'agreed', 'forged', 'imposed', 'slapped',
  'joined', 'admitted', 'accession', 'reinstated', 'rejoined',
]);
const CLOSE_VERBS = new Set([
  'terminated', 'terminate', 'terminates', 'termination', 'ended', 'end', 'ends', 'ending', 'sever', 'severed',
  'severs', 'severing', 'scrapped', 'scrap', 'cancelled', 'canceled', 'cancel', 'revoked', 'revoke', 'suspended',
  'suspend', 'suspends', 'suspension', 'abrogated', 'denounced', 'tore', 'quit', 'quits', 'exit', 'exited',
  'withdrew', 'withdraw', 'withdraws', 'withdrawal', 'broke', 'break', 'breaks', 'cut', 'cuts', 'ruptured',
  'lifted', 'lift', 'lifts', 'eased', 'ease', 'removed', 'left', 'leave', 'leaves', 'expelled', 'halted', 'halt',
  'froze', 'freeze', 'frozen', 'pulled', 'annulled', 'renounced',
]);
// A suspension is an end that may be undone: the state ends, with status "suspended".
const SUSPEND_WORDS = new Set(['suspended', 'suspend', 'suspends', 'suspension', 'froze', 'freeze', 'frozen', 'halted', 'halt']);
const ENVOY_NOUNS = new Set(['ambassador', 'ambassadors', 'envoy', 'envoys', 'diplomats']);
const EMBASSY_NOUNS = new Set(['embassy', 'embassies']);
const ENVOY_ACTS = new Map<string, string>([
  ['expelled', 'expelled'], ['expel', 'expelled'], ['expels', 'expelled'], ['expelling', 'expelled'], ['expulsion', 'expelled'],
  ['recalled', 'recalled'], ['recall', 'recalled'], ['recalls', 'recalled'], ['recalling', 'recalled'],
  ['withdrew', 'recalled'], ['withdrawn', 'recalled'],
]);
const EMBASSY_ACTS = new Map<string, string>([
  ['closed', 'closed'], ['close', 'closed'], ['closes', 'closed'], ['closing', 'closed'], ['shut', 'closed'], ['shuttered', 'closed'],
  ['suspended', 'closed'], ['evacuated', 'closed'],
  ['reopened', 'open'], ['reopen', 'open'], ['reopens', 'open'], ['reopening', 'open'], ['opened', 'open'],
]);
const MEMBERSHIP_OPEN = new Set(['joined', 'admitted', 'accession', 'reinstated', 'rejoined']);
const MEMBERSHIP_CLOSE = new Set(['left', 'leave', 'leaves', 'withdrew', 'withdraw', 'withdraws', 'withdrawal', 'quit', 'quits', 'exit', 'exited', 'suspended', 'expelled']);
const SANCTION_NOUNS = new Set(['sanction', 'sanctions', 'sanctioned', 'embargo', 'embargoes']);
const AID_NOUNS = new Set(['aid', 'assistance', 'funding', 'support']);
const FORCE_NOUNS = new Set(['troops', 'soldiers', 'personnel', 'servicemen', 'marines', 'forces', 'service', 'military', 'troop', 'peacekeepers']);
const DEPLOY_VERBS = new Set(['deployed', 'deploy', 'deploys', 'sent', 'send', 'sends', 'dispatched', 'dispatch']);
const STATION_WORDS = new Set(['stationed', 'based', 'station', 'garrisoned', 'present', 'presence', 'has', 'have', 'having', 'keeps', 'maintains', 'deployed']);
const RELATION_NOUNS = new Set(['relations', 'ties', 'relationship']);
const STATE_SECTORS = new Set(['GOV', 'MIL', 'SPY', 'COP', 'LEG', 'JUD']);

// A cheap test run over each sentence first: only sentences with one of these words are read word by word.
const STATIVE_CUE_RE = /\b(?:agreements?|pacts?|accords?|treat(?:y|ies)|deals?|arrangements?|diplomatic|troops|soldiers|personnel|servicemen|marines|peacekeepers|bases?|embass(?:y|ies))\b/i;
// "a drone base", "military bases": the word before "base" that makes it a military one.
const BASE_KINDS = new Set(['military', 'air', 'naval', 'drone', 'army', 'airforce', 'navy', 'missile', 'logistics', 'counterterrorism']);
const BASE_VERBS = new Set(['has', 'have', 'had', 'maintains', 'maintain', 'operates', 'operate', 'operated', 'runs', 'keeps', 'uses', 'use']);

/** ISO3 for a state actor, the CAMEO code for an organisation, else null (no party to a relation). */
/**
 * "<owner> has its embassy / a drone base in <host>": the owner is the last party before the verb, the host the
 * first state after the "in" that follows the noun at `nounAt`. An organisation may own a base, never host one.
 */
function ownerAndHost(doc: Doc, sentence: number, ws: readonly Word[], nounAt: number, verb: Word, orgMayOwn: boolean): { owner: string | null; host: string | null } {
  const inAt = ws.findIndex((w, i) => i > nounAt && w.lower === 'in');
  let host: string | null = null;
  let owner: string | null = null;
  for (const m of doc.actors) {
    if (m.sentence !== sentence) continue;
    const p = partyOf(m);
    if (!p) continue;
    const org = p.startsWith('IGO:');
    if (inAt >= 0 && m.start > ws[inAt].start && !org && host === null) host = p;
    if (m.end <= verb.start && (orgMayOwn || !org)) owner = p;
  }
  return { owner, host };
}

function partyOf(m: ActorMention | null | undefined): string | null {
  if (!m) return null;
  if (m.country) return m.country;
  if (m.code.startsWith('IGO:')) return m.code;
  return null;
}

function ordered(kind: RelationKind, a: string, b: string): [string, string] {
  return SYMMETRIC_KINDS.has(kind) && b < a ? [b, a] : [a, b];
}

function precisionOf(date: string): DatePrecision {
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) return 'day';
  if (/^\d{4}-\d{2}$/.test(date)) return 'month';
  if (/^\d{4}$/.test(date)) return 'year';
  return 'unknown';
}

/** A TIMEX3 value that is a calendar date (1960, 2023-11, 2023-11-16), else null (PRESENT_REF, P3D ...). */
function calendarDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(value);
  return m && precisionOf(m[1]) !== 'unknown' ? m[1] : null;
}

function parseCount(text: string): number | null {
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** A claim before the article's id and the claim's own id are given to it. */
type Draft = Omit<RelationClaim, 'id' | 'article_id'>;

/** The agreement's field: the word before the noun, in the window first, else anywhere in the sentence. */
function agreementSubtype(window: Word[], sentence: Word[]): string | null {
  for (const ws of [window, sentence]) {
    for (let i = 1; i < ws.length; i++) {
      if (!AGREEMENT_NOUNS.has(ws[i].lower)) continue;
      for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
        const sub = AGREEMENT_SUBTYPES.get(ws[j].lower);
        if (sub) return sub;
      }
    }
  }
  return null;
}

const NAME_GLUE = new Set(['of', 'on', 'and', 'for', 'de']);
const SENTENCE_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'this', 'that']);
const CAPITALISED_RE = /^\p{Lu}/u;

/**
 * The agreement's name when the text gives one: a run of capitalised words ending in the capitalised noun
 * ("the Status of Forces Agreement", "the Lancaster House Treaties"), or the noun followed by "of" and a
 * capitalised run ("the Treaty of Friendship"). A capital at the start of the sentence names nothing.
 */
function agreementName(text: string, offset: number, noun: Word): string | null {
  const ws = wordsOf(text, offset);
  const i = ws.findIndex((w) => w.start === noun.start);
  if (i < 0) return null;
  const cap = (w: Word | undefined) => w !== undefined && CAPITALISED_RE.test(text.slice(w.start - offset, w.end - offset));
  if (!cap(ws[i]) || i === 0) return null;
  let from = i;
  while (from > 0 && (cap(ws[from - 1]) || (NAME_GLUE.has(ws[from - 1].lower) && cap(ws[from - 2])))) from--;
  // At the start of the sentence a capital proves nothing, except after a determiner ("The Lancaster House Treaties").
  if (from === 0) {
    if (!SENTENCE_DETERMINERS.has(ws[0].lower) || i < 2) return null;
    from = 1;
  }
  let to = i;
  if (ws[i + 1]?.lower === 'of' && cap(ws[i + 2])) {
    to = i + 2;
    while (cap(ws[to + 1]) || (NAME_GLUE.has(ws[to + 1]?.lower ?? '') && cap(ws[to + 2]))) to++;
  }
  if (from === i && to === i) return null;
  return text.slice(ws[from].start - offset, ws[to].end - offset);
}

/** A field named inside an agreement's name ("Defence Cooperation Agreement": defence). */
function subtypeOfName(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower.includes('status of forces')) return 'status of forces';
  for (const w of lower.split(/[\s-]+/)) {
    const sub = AGREEMENT_SUBTYPES.get(w);
    if (sub && sub !== 'cooperation') return sub;
  }
  return null;
}

function hasAny(ws: Word[], set: { has(key: string): boolean }): Word | undefined {
  return ws.find((w) => set.has(w.lower));
}

/** Distinct parties named in a sentence, in order of mention. */
function sentenceParties(doc: Doc, sentence: number): Array<{ party: string; mention: ActorMention }> {
  const out: Array<{ party: string; mention: ActorMention }> = [];
  for (const m of doc.actors) {
    if (m.sentence !== sentence) continue;
    const p = partyOf(m);
    if (p && !out.some((o) => o.party === p)) out.push({ party: p, mention: m });
  }
  return out;
}

function sentenceEvidence(doc: Doc, s: Sentence): Evidence {
  return { text: doc.text.slice(s.start, s.end), start: s.start, end: s.end };
}

function publishedDate(doc: Doc): { date: string | null; precision: DatePrecision } {
  const d = calendarDate(doc.published);
  return { date: d, precision: d ? precisionOf(d) : 'unknown' };
}

// Words about an act, not the act: "threatened to end the pact", "urged Chad to sign the accord".
const NOT_ACTS = new Set(['THREATEN', 'DEMAND', 'REQUEST', 'ACCUSE', 'CONSULT', 'DISAPPROVE', 'REJECT']);

/** Claims stated by one coded event (already known to be asserted, not negated or hypothetical). */
function claimsFromEvent(doc: Doc, e: CodedEvent, sentenceIndex: number): Draft[] {
  if (NOT_ACTS.has(e.event)) return [];
  // Background ("in the 1980s US aircraft shot down ...") dated only by the story's date: its time is unknown.
  if (e.historical && e.date_from === 'published') return [];
  const trig = e.trigger ?? e.evidence;
  const sentenceWords = wordsOf(e.evidence.text, e.evidence.start);
  // The trigger and the few words after it ("suspended | its defence agreement with Chad").
  const first = sentenceWords.findIndex((w) => w.start >= trig.start);
  if (first < 0) return [];
  let last = first;
  while (last + 1 < sentenceWords.length && sentenceWords[last + 1].end <= trig.end) last++;
  const window = sentenceWords.slice(first, Math.min(sentenceWords.length, last + 6));
  const trigWords = sentenceWords.slice(first, last + 1);

  const src = partyOf(e.source);
  let tgt = partyOf(e.target);
  const base = { event_id: e.id, evidence: e.evidence, date: calendarDate(e.date) };
  const precision: DatePrecision = base.date ? e.date_precision : 'unknown';
  const out: Draft[] = [];
  let targetReason = '';
  // "Both have signed a bilateral investment agreement": no coded target, one other party in the sentence.
  const inferTarget = (): string | null => {
    if (tgt || !src) return tgt;
    const others = sentenceParties(doc, sentenceIndex).filter((p) => p.party !== src);
    if (others.length !== 1) return null;
    targetReason = `; other party ${others[0].party} is the only other one named in the sentence`;
    return others[0].party;
  };
  const push = (kind: RelationKind, a: string | null, b: string | null, action: ClaimAction, subtype: string | null, reason: string, attributes: Record<string, AttributeValue> = {}) => {
    if (!a || !b || a === b) return;
    const [x, y] = ordered(kind, a, b);
    out.push({ ...base, attributes, kind, a: x, b: y, subtype, action, precision, reason: `${reason} (event ${e.event}${e.mode ? '/' + e.mode : ''}: "${trig.text}")${targetReason}` });
  };
  const closeWord = hasAny(trigWords, CLOSE_VERBS) ?? hasAny(window, CLOSE_VERBS);
  const openWord = hasAny(trigWords, OPEN_VERBS) ?? hasAny(window, OPEN_VERBS);
  const noun = hasAny(window, AGREEMENT_NOUNS);

  // Ambassadors expelled or recalled, embassies closed or reopened: acts within diplomatic relations (they
  // exist, and their state changes), not a break of them.
  const envoy = hasAny(window, ENVOY_NOUNS);
  const embassy = hasAny(window, EMBASSY_NOUNS);
  if ((envoy || embassy) && !noun) {
    // The other state: the target, else where it happened ("closed its embassy in Niamey"), else the one
    // other party named in the sentence.
    const other = tgt ?? (e.location?.country && e.location.country !== src ? e.location.country : null) ?? inferTarget();
    const act = envoy ? hasAny(trigWords, ENVOY_ACTS) ?? hasAny(window, ENVOY_ACTS) : hasAny(trigWords, EMBASSY_ACTS) ?? hasAny(window, EMBASSY_ACTS);
    if (act) {
      const value = ENVOY_ACTS.get(act.lower) ?? EMBASSY_ACTS.get(act.lower)!;
      const attr = envoy ? 'ambassador' : 'embassy';
      push('diplomatic', src, other, 'asserts', null, `${attr} "${act.lower}": relations exist, ${attr} ${value}`, { [attr]: value, [`${attr}_as_of`]: base.date ?? '' });
      return out;
    }
  }

  // Membership: a party joining or leaving an organisation ("Niger left ECOWAS", "AU suspended Niger").
  const tgtIsOrg = tgt?.startsWith('IGO:') ?? false;
  const srcIsOrg = src?.startsWith('IGO:') ?? false;
  if (tgtIsOrg && !srcIsOrg && !noun && !hasAny(window, SANCTION_NOUNS)) {
    // "Russia and China joined forces to veto": an idiom, not membership.
    const idiom = window.some((w, i) => w.lower === 'joined' && (window[i + 1]?.lower === 'forces' || window[i + 1]?.lower === 'hands'));
    const open = idiom ? undefined : (hasAny(trigWords, MEMBERSHIP_OPEN) ?? hasAny(window, MEMBERSHIP_OPEN));
    const close = hasAny(trigWords, MEMBERSHIP_CLOSE);
    if (open) push('membership', src, tgt, 'opens', null, `"${open.lower}" an organisation: membership begins`);
    else if (close) push('membership', src, tgt, 'closes', null, `"${close.lower}" an organisation: membership ends`);
    if (open || close) return out;
  }
  if (srcIsOrg && !tgtIsOrg && (hasAny(trigWords, new Set(['suspended', 'expelled', 'suspends', 'expels'])) && !hasAny(window, SANCTION_NOUNS))) {
    push('membership', tgt, src, 'closes', null, 'the organisation suspended or expelled a member');
    return out;
  }

  if (noun) {
    tgt = inferTarget();
    const name = agreementName(e.evidence.text, e.evidence.start, noun);
    const subtype = (name && subtypeOfName(name)) ?? agreementSubtype(window, sentenceWords);
    const named: Record<string, AttributeValue> = name ? { name } : {};
    if (closeWord) {
      const status = SUSPEND_WORDS.has(closeWord.lower) ? 'suspended' : 'terminated';
      push('agreement', src, tgt, 'closes', subtype, `"${closeWord.lower}" with "${noun.lower}": the agreement ends (${status})`, { ...named, status });
    } else if (openWord) {
      push('agreement', src, tgt, 'opens', subtype, `"${openWord.lower}" with "${noun.lower}": the agreement begins`, { ...named, status: openWord.lower === 'renewed' ? 'renewed' : 'signed' });
    }
    return out;
  }
  const rel = hasAny(window, RELATION_NOUNS);
  if (rel && hasAny(window, new Set(['diplomatic']))) {
    tgt = inferTarget();
    if (closeWord) push('diplomatic', src, tgt, 'closes', null, `"${closeWord.lower}" diplomatic ${rel.lower}`);
    else if (openWord) push('diplomatic', src, tgt, 'opens', null, `"${openWord.lower}" diplomatic ${rel.lower}`);
    return out;
  }
  const sanction = hasAny(window, SANCTION_NOUNS);
  if (sanction && (e.event === 'SANCTION' || closeWord)) {
    const lifted = hasAny(trigWords, new Set(['lifted', 'lift', 'lifts', 'eased', 'ease', 'removed', 'remove', 'scrapped']));
    // Sanctions fall on a state (its government, firms or people), not on an organisation.
    if (!tgt?.startsWith('IGO:')) push('sanctions', src, tgt, lifted ? 'closes' : 'opens', null, lifted ? `sanctions "${lifted.lower}"` : 'sanctions imposed');
    return out;
  }
  const aidWord = hasAny(window, AID_NOUNS);
  if (e.event === 'AID' && !closeWord) {
    push('aid', src, tgt, 'asserts', null, 'aid provided');
    return out;
  }
  if (aidWord && aidWord.lower !== 'support' && closeWord) {
    push('aid', src, tgt, 'closes', null, `aid "${closeWord.lower}"`);
    return out;
  }
  if (e.event === 'MOBILIZE' || e.event === 'RETREAT') {
    const host = tgt ?? partyOf(e.location ? ({ country: e.location.country, code: '' } as ActorMention) : null);
    const deploy = hasAny(window, DEPLOY_VERBS);
    // The forces must be the object of the act ("withdrew its troops"), not elsewhere in the sentence.
    const forces = hasAny(window, FORCE_NOUNS);
    // Forces are present in a country, not in an organisation.
    if (host?.startsWith('IGO:')) return out;
    if (e.event === 'RETREAT' && forces) push('presence', src, host, 'closes', null, 'forces withdrawn');
    // "A Libyan diplomat stationed in China" is not a military presence: forces must be named in the sentence.
    else if (e.event === 'MOBILIZE' && hasAny(window, new Set(['stationed', 'based', 'garrisoned'])) && hasAny(sentenceWords, FORCE_NOUNS)) push('presence', src, host, 'asserts', null, 'forces stationed');
    else if (e.event === 'MOBILIZE' && deploy && forces) push('presence', src, host, 'opens', null, `forces "${deploy.lower}"`);
    return out;
  }
  const stateSide = (m: ActorMention | null) => m !== null && m.country !== null && (m.sector === null || STATE_SECTORS.has(m.sector));
  if (e.event === 'ASSAULT' && stateSide(e.source) && stateSide(e.target)) {
    push('conflict', src, tgt, 'asserts', null, 'armed attack between two states');
    return out;
  }
  if (e.event === 'SUPPORT' && stateSide(e.source) && stateSide(e.target)) {
    push('alignment', src, tgt, 'asserts', null, 'public support of one state for another');
  }
  return out;
}

/** Stative sentences: troops stationed, agreements in place for a while, relations held since a year. */
function claimsFromSentence(doc: Doc, s: Sentence, times: TimeExpr[]): Draft[] {
  const text = doc.text.slice(s.start, s.end);
  if (!STATIVE_CUE_RE.test(text)) return [];
  const ws = wordsOf(text, s.start);
  const parties = sentenceParties(doc, s.index);
  if (parties.length < 2) return [];
  const evidence = sentenceEvidence(doc, s);
  const pub = publishedDate(doc);
  const out: Draft[] = [];
  const wordBefore = (pos: number): string | undefined => {
    let prev: Word | undefined;
    for (const w of ws) {
      if (w.start >= pos) break;
      prev = w;
    }
    return prev?.lower;
  };
  // The sentence's own calendar date, else the story's (for "currently has").
  const stated = times.find((t) => t.type === 'DATE' && calendarDate(t.value));
  const asOf = stated ? { date: calendarDate(stated.value), precision: precisionOf(calendarDate(stated.value)!) } : pub;

  // Presence: "<A> has N troops stationed in <B>", "with <C> having M military personnel".
  if (hasAny(ws, STATION_WORDS)) {
    // Every mention counts, not only a party's first: "troops" may itself be read as the host's forces.
    let host: { party: string } | undefined;
    for (const m of doc.actors) {
      if (m.sentence !== s.index) continue;
      const p = partyOf(m);
      if (!p || p.startsWith('IGO:')) continue;
      const before = wordBefore(m.start);
      if (before === 'in' || before === 'to') {
        host = { party: p };
        break;
      }
    }
    if (host) {
      let prevEnd = s.start;
      for (let i = 0; i < ws.length; i++) {
        const n = /^\d/.test(ws[i].lower) ? parseCount(ws[i].lower) : null;
        if (n === null) continue;
        const near = ws.slice(i + 1, i + 4);
        let f = near.findIndex((w) => FORCE_NOUNS.has(w.lower));
        if (f < 0) continue;
        // "1,500 military personnel": the head is the last force word of the run.
        while (f + 1 < near.length && FORCE_NOUNS.has(near[f + 1].lower)) f++;
        const force = near[f];
        // The owner: the last party named between the previous figure and this one.
        let owner: string | null = null;
        for (const p of parties) {
          if (p.mention.start >= prevEnd && p.mention.end <= ws[i].start && p.party !== host.party) owner = p.party;
        }
        for (const m of doc.actors) {
          if (m.sentence === s.index && m.start >= prevEnd && m.end <= ws[i].start && partyOf(m) && partyOf(m) !== host.party) owner = partyOf(m);
        }
        prevEnd = force.end;
        if (!owner || !asOf.date) continue;
        const deployed = ws.slice(0, i).find((w) => DEPLOY_VERBS.has(w.lower));
        out.push({
          kind: 'presence', a: owner, b: host.party, subtype: null, action: deployed ? 'opens' : 'asserts', date: asOf.date, precision: asOf.precision,
          attributes: { personnel: n, personnel_as_of: asOf.date }, event_id: null, evidence,
          reason: `stative: ${owner} ${deployed ? `"${deployed.lower}"` : 'has'} ${n} ${force.lower} in ${host.party} ("${doc.text.slice(ws[i].start, force.end)}"), as of ${stated ? 'the date in the sentence' : "the story's date"}`,
        });
      }
    }
  }

  // "The security arrangement between Niger and the United States, which had been in place for over a decade":
  // an agreement since the duration's anchor; "diplomatic relations since 1960": relations since that date.
  const noun = hasAny(ws, AGREEMENT_NOUNS);
  const diplomatic = ws.some((w, i) => w.lower === 'diplomatic' && RELATION_NOUNS.has(ws[i + 1]?.lower ?? ''));
  if (noun || diplomatic) {
    for (const t of times) {
      let from: string | null = null;
      let why = '';
      if (t.type === 'DURATION' && t.direction === 'past' && calendarDate(t.anchor)) {
        from = calendarDate(t.anchor);
        why = `in place for "${t.text}" before the story`;
      } else if (t.type === 'DATE' && calendarDate(t.value) && wordBefore(t.start) === 'since') {
        from = calendarDate(t.value);
        why = `in place since "${t.text}"`;
      }
      if (!from) continue;
      const [p, q] = parties;
      const kind: RelationKind = noun ? 'agreement' : 'diplomatic';
      const [a, b] = ordered(kind, p.party, q.party);
      const name = noun ? agreementName(text, s.start, noun) : null;
      const subtype = noun ? ((name && subtypeOfName(name)) ?? agreementSubtype(ws, ws)) : null;
      const attributes: Record<string, AttributeValue> = noun ? { ...(name ? { name } : {}), status: 'in force' } : {};
      out.push({
        kind, a, b, subtype, action: 'opens', date: from, precision: precisionOf(from),
        attributes, event_id: null, evidence, reason: `stative: ${kind === 'agreement' ? `"${noun!.lower}"` : 'diplomatic relations'} ${why}`,
      });
      break;
    }
  }

  // Embassies: "<A> has its embassy in <B's capital>": diplomatic relations with an embassy open.
  const embassyAt = ws.findIndex((w) => EMBASSY_NOUNS.has(w.lower));
  const keeps = embassyAt > 0 ? ws.slice(Math.max(0, embassyAt - 3), embassyAt).find((w) => BASE_VERBS.has(w.lower)) : undefined;
  if (keeps && asOf.date) {
    const { owner, host } = ownerAndHost(doc, s.index, ws, embassyAt, keeps, false);
    if (host && owner && host !== owner) {
      const [a, b] = ordered('diplomatic', owner, host);
      out.push({
        kind: 'diplomatic', a, b, subtype: null, action: 'asserts', date: asOf.date, precision: asOf.precision,
        attributes: { embassy: 'open', embassy_as_of: asOf.date }, event_id: null, evidence,
        reason: `stative: ${owner} "${keeps.lower}" an embassy in ${host}: relations exist, as of ${stated ? 'the date in the sentence' : "the story's date"}`,
      });
    }
  }

  // Bases: "<A> has (maintains, operates) a drone base in <B>": A's forces are present in B.
  const baseAt = ws.findIndex((w, i) => (w.lower === 'base' || w.lower === 'bases') && BASE_KINDS.has(ws[i - 1]?.lower ?? ''));
  const holds = baseAt > 0 ? ws.slice(0, baseAt).find((w) => BASE_VERBS.has(w.lower)) : undefined;
  if (holds && asOf.date && !out.some((o) => o.kind === 'presence')) {
    const { owner, host } = ownerAndHost(doc, s.index, ws, baseAt, holds, true);
    if (host && owner && host !== owner) {
      const kindOfBase = `${ws[baseAt - 1].lower} ${ws[baseAt].lower}`;
      out.push({
        kind: 'presence', a: owner, b: host, subtype: null, action: 'asserts', date: asOf.date, precision: asOf.precision,
        attributes: { base: kindOfBase }, event_id: null, evidence,
        reason: `stative: ${owner} "${holds.lower}" a ${kindOfBase} in ${host}, as of ${stated ? 'the date in the sentence' : "the story's date"}`,
      });
    }
  }
  return out;
}

/**
 * Every relation claim an article makes. Negated, hypothetical and future events never make claims; events and
 * stative sentences saying the same thing in one sentence give one claim (the event's id is kept).
 */
export function deriveRelationClaims(doc: Doc): RelationClaim[] {
  const drafts: Draft[] = [];
  const timesBySentence = new Map<number, TimeExpr[]>();
  for (const t of doc.times) {
    const list = timesBySentence.get(t.sentence);
    if (list) list.push(t);
    else timesBySentence.set(t.sentence, [t]);
  }
  for (const s of doc.sentences) drafts.push(...claimsFromSentence(doc, s, timesBySentence.get(s.index) ?? []));
  const sentenceAt = (pos: number): number => {
    // Sentences are in text order: binary search.
    let lo = 0;
    let hi = doc.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = doc.sentences[mid];
      if (pos < s.start) hi = mid - 1;
      else if (pos >= s.end) lo = mid + 1;
      else return s.index;
    }
    return -1;
  };
  const stativePresence = new Set(drafts.filter((d) => d.kind === 'presence').map((d) => d.evidence.start));
  for (const e of doc.events) {
    if (e.negated || e.hypothetical || e.future) continue;
    for (const d of claimsFromEvent(doc, e, sentenceAt(e.evidence.start))) {
      // The stative reading of a sentence with figures says who is where; the event's parties may be the
      // figures' owner and a bystander ("with Ghana having 300 soldiers").
      if (d.kind === 'presence' && d.action !== 'closes' && stativePresence.has(d.evidence.start)) continue;
      // A stative claim on the same relation in the same sentence already says it: keep one, with the event id.
      const same = drafts.find(
        (o) => o.kind === d.kind && o.a === d.a && o.b === d.b && o.evidence.start === d.evidence.start &&
          (o.action === d.action || (o.action === 'asserts' && d.action !== 'closes')) && (o.event_id === null || o.date === d.date),
      );
      if (same) {
        same.event_id ??= d.event_id;
        continue;
      }
      drafts.push(d);
    }
  }
  // "The junta's decision to end this agreement": an agreement with no field named takes the field of the
  // nearest agreement between the same parties named before it in the story.
  for (const d of drafts) {
    if (d.kind !== 'agreement' || d.subtype !== null) continue;
    let antecedent: Draft | null = null;
    for (const o of drafts) {
      if (o.kind === 'agreement' && o.subtype !== null && o.a === d.a && o.b === d.b && o.evidence.start < d.evidence.start) {
        if (!antecedent || o.evidence.start > antecedent.evidence.start) antecedent = o;
      }
    }
    if (antecedent) {
      d.subtype = antecedent.subtype;
      d.reason += `; the ${antecedent.subtype} agreement named earlier in the story`;
    }
  }
  return drafts.map((d, i) => ({ id: `${doc.id}:r${i + 1}`, ...d, article_id: doc.id }));
}
