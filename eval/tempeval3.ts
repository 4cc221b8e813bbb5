// TempEval-3 style scorer for time expressions over TimeML files (TBAQ: AQUAINT + TimeBank).
// Gold: every TIMEX3 inside <TEXT> except the document creation time. Text: <TEXT> with tags removed
// and entities decoded, offsets tracked. Scores, as TempEval-3 defines them:
//   strict span P/R/F1  - exact character extent
//   relaxed span P/R/F1 - any overlap (one-to-one)
//   value / type F1     - relaxed-matched pairs with the right attribute, divided by system (P) and gold (R)
// dyad's findTimes is scored beside plain chrono-node (chrono.parse with the DCT as reference).
//
// Also reads MEANTIME (NewsReader, Wikinews; TimeML-style TIMEX3 over token ids) with --meantime: a second,
// independently annotated set, used as a cross-check. A few recall rules came from reading its misses
// ("ended the day", "five trading days", "two consecutive quarters", "single-day", "late in the day", "for the
// time being", "the start of the day", "September 01"), so it is no longer untouched. Its text is the tokens joined by spaces, and the
// date line that holds the creation time is left out; only the title and the first five sentences are
// annotated there, so only they are kept.
//
// --by-reason tallies dyad's outputs per rule (system, relaxed-matched, right value, right type): a rule whose
// right values are under about F1/2 of its outputs lowers value F1.
//
// --agreement measures the gold itself: how many deictic timexes ("last week", "a year ago") carry a reading,
// relative to the creation time, other than the most common reading of the same wording.
//
// Usage: node dist-tools/eval/tempeval3.js [dir] [--meantime] [--errors] [--by-reason] [--agreement] [--json]
import * as chrono from 'chrono-node';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dayNumber, isoWeekday, isoWeekMonday, parseIsoDate } from '../src/stages/times/calendar.js';
import { findTimes } from '../src/stages/times/index.js';

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export interface Scores {
  gold: number;
  system: number;
  strict: Prf;
  relaxed: Prf;
  value: Prf;
  type: Prf;
}

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  /** The TIMEX3's tid, for links to it. */
  tid?: string;
}

export interface TimeMlDoc {
  id: string;
  dct: string | null;
  text: string;
  gold: GoldTimex[];
  /** EVENT spans in the stripped text (TimeML files only). */
  events?: GoldEvent[];
  /** Event-to-time links (TLINK eventInstanceID -> relatedToTime), the creation time left out. */
  eventTimeLinks?: Array<{ eventId: string; timexId: string; relType: string }>;
}

export interface GoldEvent {
  id: string;
  start: number;
  end: number;
  text: string;
}

interface SysTimex {
  start: number;
  end: number;
  type: string;
  value: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parses one TimeML file: DCT, the <TEXT> body without tags, and its TIMEX3 spans in that body. */
export function parseTimeMl(xml: string, id: string): TimeMlDoc {
  const dctTag = /<TIMEX3\b[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  const dct = dctTag ? (/\bvalue="([^"]*)"/.exec(dctTag[0])?.[1] ?? null) : null;
  const open = xml.indexOf('<TEXT>');
  const close = xml.indexOf('</TEXT>');
  const body = open >= 0 && close > open ? xml.slice(open + 6, close) : '';
  let text = '';
  const gold: GoldTimex[] = [];
  const events: GoldEvent[] = [];
  let current: { start: number; type: string; value: string; tid?: string } | null = null;
  let event: { start: number; id: string } | null = null;
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '<') {
      const j = body.indexOf('>', i);
      const tag = body.slice(i, j + 1);
      if (tag.startsWith('<TIMEX3')) {
        current = {
          start: text.length,
          type: /\btype="([^"]*)"/.exec(tag)?.[1] ?? '',
          value: /\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '',
          tid: /\btid="([^"]*)"/.exec(tag)?.[1],
        };
      } else if (tag.startsWith('</TIMEX3') && current) {
        const g: GoldTimex = { start: current.start, end: text.length, text: text.slice(current.start, text.length), type: current.type, value: current.value };
        if (current.tid) g.tid = current.tid;
        gold.push(g);
        current = null;
      } else if (tag.startsWith('<EVENT')) {
        event = { start: text.length, id: /\beid="([^"]*)"/.exec(tag)?.[1] ?? '' };
      } else if (tag.startsWith('</EVENT') && event) {
        events.push({ id: event.id, start: event.start, end: text.length, text: text.slice(event.start) });
        event = null;
      }
      i = j + 1;
    } else if (ch === '&') {
      const j = body.indexOf(';', i);
      const name = j > i ? body.slice(i + 1, j) : '';
      if (name in ENTITIES) {
        text += ENTITIES[name];
        i = j + 1;
      } else if (/^#\d+$/.test(name)) {
        text += String.fromCharCode(+name.slice(1));
        i = j + 1;
      } else {
        text += ch;
        i++;
      }
    } else {
      text += ch;
      i++;
    }
  }
  // MAKEINSTANCE ties an event instance to its EVENT; a TLINK from an instance to a time (not the creation
  // time t0) says how the event stands to that time.
  const instanceOf = new Map<string, string>();
  for (const m of xml.matchAll(/<MAKEINSTANCE\b[^>]*>/g)) {
    const eiid = /\beiid="([^"]*)"/.exec(m[0])?.[1];
    const eid = /\beventID="([^"]*)"/.exec(m[0])?.[1];
    if (eiid && eid) instanceOf.set(eiid, eid);
  }
  const eventTimeLinks: NonNullable<TimeMlDoc['eventTimeLinks']> = [];
  for (const m of xml.matchAll(/<TLINK\b[^>]*>/g)) {
    const ei = /\beventInstanceID="([^"]*)"/.exec(m[0])?.[1];
    const t = /\brelatedToTime="([^"]*)"/.exec(m[0])?.[1];
    const rel = /\brelType="([^"]*)"/.exec(m[0])?.[1];
    const eid = ei && instanceOf.get(ei);
    if (eid && t && rel && t !== 't0') eventTimeLinks.push({ eventId: eid, timexId: t, relType: rel });
  }
  return { id, dct, text, gold, events, eventTimeLinks };
}

function listTml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTml(p));
    else if (name.endsWith('.tml')) out.push(p);
  }
  return out;
}

export function loadTimeMl(dir: string): TimeMlDoc[] {
  return listTml(dir).map((p) => parseTimeMl(readFileSync(p, 'utf8'), p.slice(dir.length + 1)));
}

const XML_ENTITY = /&(amp|lt|gt|quot|apos);/g;
const decode = (s: string) => s.replace(XML_ENTITY, (_, n: string) => ENTITIES[n]);

/** MEANTIME annotates sentences 0 (title) to 5: the title, the date line and four more. */
const MEANTIME_LAST_SENTENCE = 5;

/** One MEANTIME document: tokens joined by spaces (creation-time tokens left out) and its TIMEX3s. */
export function parseMeantime(xml: string, id: string): TimeMlDoc {
  const timexes: Array<{ type: string; value: string; dct: boolean; ids: number[] }> = [];
  for (const m of xml.matchAll(/<TIMEX3\b([^>]*)>([\s\S]*?)<\/TIMEX3>/g)) {
    const attrs = m[1];
    const ids = [...m[2].matchAll(/t_id="(\d+)"/g)].map((x) => +x[1]);
    if (!ids.length) continue;
    timexes.push({
      type: /\btype="([^"]*)"/.exec(attrs)?.[1] ?? '',
      value: /\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? '',
      dct: /functionInDocument="CREATION_TIME"/.test(attrs),
      ids,
    });
  }
  const dctTimex = timexes.find((t) => t.dct);
  const skip = new Set(dctTimex?.ids ?? []);
  let text = '';
  const offsets = new Map<number, [number, number]>();
  let lastSentence = -1;
  for (const m of xml.matchAll(/<token\b[^>]*sentence="(\d+)"[^>]*t_id="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    const tid = +m[2];
    if (skip.has(tid)) continue;
    const sentence = +m[1];
    if (sentence > MEANTIME_LAST_SENTENCE) break;
    if (text) text += sentence !== lastSentence ? '\n' : ' ';
    lastSentence = sentence;
    const tok = decode(m[3]);
    offsets.set(tid, [text.length, text.length + tok.length]);
    text += tok;
  }
  const gold: GoldTimex[] = [];
  for (const t of timexes) {
    if (t.dct) continue;
    const spans = t.ids.map((i) => offsets.get(i)).filter((x): x is [number, number] => !!x);
    if (!spans.length) continue;
    const start = Math.min(...spans.map((x) => x[0]));
    const end = Math.max(...spans.map((x) => x[1]));
    gold.push({ start, end, text: text.slice(start, end), type: t.type, value: t.value });
  }
  gold.sort((a, b) => a.start - b.start);
  // A few creation times are written DD-MM-YYYY.
  let dct = dctTimex?.value ?? null;
  const dmy = dct ? /^(\d{2})-(\d{2})-(\d{4})$/.exec(dct) : null;
  if (dmy) dct = `${dmy[3]}-${dmy[2]}-${dmy[1]}`;
  return { id, dct: dct || null, text, gold };
}

export function loadMeantime(dir: string): TimeMlDoc[] {
  const out: TimeMlDoc[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.xml')) out.push(parseMeantime(readFileSync(p, 'utf8'), p.slice(dir.length + 1)));
    }
  };
  walk(dir);
  return out;
}

// ------------------------------------------------------------------ chrono-only baseline

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A TIMEX3-like value from chrono's components at the finest granularity it is certain of. */
function chronoValue(c: chrono.ParsedComponents): { type: string; value: string } {
  const y = c.get('year')!;
  const m = c.get('month')!;
  const d = c.get('day')!;
  const date = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (c.isCertain('hour')) return { type: 'TIME', value: `${date}T${pad(c.get('hour')!)}:${pad(c.get('minute') ?? 0)}` };
  if (c.isCertain('day') || c.isCertain('weekday')) return { type: 'DATE', value: date };
  if (c.isCertain('month')) return { type: 'DATE', value: `${pad(y, 4)}-${pad(m)}` };
  if (c.isCertain('year')) return { type: 'DATE', value: pad(y, 4) };
  return { type: 'DATE', value: date };
}

function chronoOnly(doc: TimeMlDoc): SysTimex[] {
  const ref = /^(\d{4})-(\d{2})-(\d{2})/.exec(doc.dct ?? '');
  const instant = ref ? new Date(Date.UTC(+ref[1], +ref[2] - 1, +ref[3], 12)) : new Date();
  return chrono.parse(doc.text, { instant, timezone: 0 }).map((r) => ({
    start: r.index,
    end: r.index + r.text.length,
    ...chronoValue(r.start),
  }));
}

// ------------------------------------------------------------------ scoring

interface Tally {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  value: number;
  type: number;
}

/** Per rule (the first part of the system's reason): outputs, relaxed matches, right values and types. */
export type ReasonTally = Map<string, { system: number; matched: number; value: number; type: number }>;

export interface Mismatch {
  doc: string;
  /** The document creation time the values were normalised against. */
  dct: string | null;
  kind: 'missed' | 'spurious' | 'value' | 'type' | 'extent';
  gold?: GoldTimex;
  system?: SysTimex & { text: string; reason?: string };
  context: string;
}

/** Values compare as strings, except that an unpadded ISO week ("2000-W7") equals its padded form. */
const normValue = (v: string) => v.trim().toUpperCase().replace(/-W(\d)(?!\d)/, '-W0$1');

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

const reasonKey = (reason: string | undefined) => (reason ?? '').split(';')[0].replace(/^chrono: .*/, 'chrono').trim() || '-';

function scoreDoc(doc: TimeMlDoc, sys: Array<SysTimex & { reason?: string }>, t: Tally, errors?: Mismatch[], byReason?: ReasonTally): void {
  t.gold += doc.gold.length;
  t.system += sys.length;
  const usedGold = new Set<number>();
  const ctx = (s: number, e: number) => doc.text.slice(Math.max(0, s - 60), Math.min(doc.text.length, e + 60)).replace(/\s+/g, ' ');
  for (const s of sys) {
    let best = -1;
    let bestOv = 0;
    doc.gold.forEach((g, gi) => {
      if (usedGold.has(gi)) return;
      const ov = overlap(s, g);
      if (ov > bestOv) {
        bestOv = ov;
        best = gi;
      }
    });
    const sysRec = { ...s, text: doc.text.slice(s.start, s.end) };
    const r = byReason && (byReason.get(reasonKey(s.reason)) ?? byReason.set(reasonKey(s.reason), { system: 0, matched: 0, value: 0, type: 0 }).get(reasonKey(s.reason))!);
    if (r) r.system++;
    if (best >= 0 && r) {
      r.matched++;
      if (normValue(doc.gold[best].value) === normValue(s.value)) r.value++;
      if (doc.gold[best].type === s.type) r.type++;
    }
    if (best < 0) {
      errors?.push({ doc: doc.id, dct: doc.dct, kind: 'spurious', system: sysRec, context: ctx(s.start, s.end) });
      continue;
    }
    usedGold.add(best);
    const g = doc.gold[best];
    t.relaxed++;
    if (g.start === s.start && g.end === s.end) t.strict++;
    else errors?.push({ doc: doc.id, dct: doc.dct, kind: 'extent', gold: g, system: sysRec, context: ctx(g.start, g.end) });
    if (normValue(g.value) === normValue(s.value)) t.value++;
    else errors?.push({ doc: doc.id, dct: doc.dct, kind: 'value', gold: g, system: sysRec, context: ctx(g.start, g.end) });
    if (g.type === s.type) t.type++;
    else errors?.push({ doc: doc.id, dct: doc.dct, kind: 'type', gold: g, system: sysRec, context: ctx(g.start, g.end) });
  }
  doc.gold.forEach((g, gi) => {
    if (!usedGold.has(gi)) errors?.push({ doc: doc.id, dct: doc.dct, kind: 'missed', gold: g, context: ctx(g.start, g.end) });
  });
}

function prf(correct: number, system: number, gold: number): Prf {
  const p = system ? correct / system : 0;
  const r = gold ? correct / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function toScores(t: Tally): Scores {
  return {
    gold: t.gold,
    system: t.system,
    strict: prf(t.strict, t.system, t.gold),
    relaxed: prf(t.relaxed, t.system, t.gold),
    value: prf(t.value, t.system, t.gold),
    type: prf(t.type, t.system, t.gold),
  };
}

const emptyTally = (): Tally => ({ gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, type: 0 });

/** Scores dyad and plain chrono on every .tml file under `dir` (or on given documents). `seconds` is dyad's extraction time. */
export function scoreTempEval(dir: string | TimeMlDoc[], errors?: Mismatch[], byReason?: ReasonTally): { dyad: Scores; chrono: Scores; docs: number; seconds: number } {
  const docs = typeof dir === 'string' ? loadTimeMl(dir) : dir;
  const dyadTally = emptyTally();
  const chronoTally = emptyTally();
  let ns = 0n;
  for (const doc of docs) {
    const t0 = process.hrtime.bigint();
    const found = findTimes(doc.text, doc.dct);
    ns += process.hrtime.bigint() - t0;
    scoreDoc(doc, found, dyadTally, errors, byReason);
    scoreDoc(doc, chronoOnly(doc), chronoTally);
  }
  return { dyad: toScores(dyadTally), chrono: toScores(chronoTally), docs: docs.length, seconds: Number(ns) / 1e9 };
}

/**
 * Deictic wordings: TimeML sets their value from the wording and the creation time alone ("last week" is
 * the week before the creation time's), so one wording should get one reading relative to that time.
 * "A year ago" and "a year earlier" are left out: comparing figures, they name the period under discussion.
 */
const DEICTIC_WORDING = /^(?:(?:last|this|next|the past|the last|the next|earlier this|later this|early this|late last) (?:week|month|year|quarter|weekend)|(?:a|one|two|three|four|five|six|ten|\d+) (?:days?|weeks?|months?|years?|decades?) (?:ago|earlier)|now|today|yesterday|tomorrow|recently|currently|recent (?:days|weeks|months|years)|the weekend)$/;
/** "a year ago" comparing figures is the period under discussion a year back: its reading rightly varies. */
const COMPARISON_WORDING = /^(?:a|one) year (?:ago|earlier)$/;

/** A value relative to the creation day: "1998-W32" with creation in week 33 is "W-1", "1988-Q3" in 1989 "Y-1-Q3". */
function relativeReading(value: string, dct: string): string {
  const ref = parseIsoDate(dct.slice(0, 10))!;
  let m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
  if (m) return `D${dayNumber({ y: +m[1], m: +m[2], d: +m[3] }) - dayNumber(ref)}${m[4] ?? ''}`;
  m = /^(\d{4})-W(\d{1,2})(.*)$/.exec(value);
  if (m) {
    const refMonday = dayNumber(ref) - (isoWeekday(ref) - 1);
    return `W${(dayNumber(isoWeekMonday(+m[1], +m[2])) - refMonday) / 7}${m[3]}`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return `M${(+m[1] - ref.y) * 12 + +m[2] - ref.m}`;
  m = /^(\d{4})(.*)$/.exec(value);
  if (m) return `Y${+m[1] - ref.y}${m[2]}`;
  return value;
}

export interface GoldAgreement {
  /** Gold timexes with a deictic wording, in documents with a creation time. */
  deictic: number;
  /** Of those, how many carry a reading other than the most common one for the same wording. */
  offMajority: number;
  /** The wordings read most diversely: wording, count, readings with their counts. */
  split: Array<{ wording: string; count: number; readings: Array<[string, number]> }>;
}

/**
 * How consistently the gold values deictic wordings: a system that reads each wording one way (as TimeML asks)
 * cannot get right the timexes whose reading differs from the majority reading of their own wording.
 */
export function goldAgreement(docs: TimeMlDoc[]): GoldAgreement {
  const byWording = new Map<string, Map<string, number>>();
  for (const doc of docs) {
    if (!doc.dct || !/^\d{4}-\d{2}-\d{2}/.test(doc.dct)) continue;
    for (const g of doc.gold) {
      const wording = g.text.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/\s+/g, ' ').trim();
      if (!DEICTIC_WORDING.test(wording) || COMPARISON_WORDING.test(wording)) continue;
      const readings = byWording.get(wording) ?? byWording.set(wording, new Map()).get(wording)!;
      const key = `${g.type} ${relativeReading(g.value, doc.dct)}`;
      readings.set(key, (readings.get(key) ?? 0) + 1);
    }
  }
  let deictic = 0;
  let offMajority = 0;
  const split: GoldAgreement['split'] = [];
  for (const [wording, readings] of byWording) {
    const counts = [...readings].sort((a, b) => b[1] - a[1]);
    const count = counts.reduce((n, [, c]) => n + c, 0);
    deictic += count;
    offMajority += count - counts[0][1];
    if (counts.length > 1) split.push({ wording, count, readings: counts });
  }
  split.sort((a, b) => b.count - b.readings[0][1] - (a.count - a.readings[0][1]));
  return { deictic, offMajority, split };
}

function printTable(res: ReturnType<typeof scoreTempEval>): void {
  const f = (x: number) => x.toFixed(3);
  const rows: Array<[string, keyof Omit<Scores, 'gold' | 'system'>]> = [
    ['strict span', 'strict'],
    ['relaxed span', 'relaxed'],
    ['value', 'value'],
    ['type', 'type'],
  ];
  console.log(`TempEval-3-style timex scores: ${res.docs} documents, gold ${res.dyad.gold} timexes (DCT excluded)`);
  console.log(`system timexes: dyad ${res.dyad.system}, chrono ${res.chrono.system}; dyad time ${res.seconds.toFixed(2)} s`);
  console.log('');
  console.log('metric          dyad P  dyad R  dyad F1 | chrono P chrono R chrono F1');
  for (const [label, key] of rows) {
    const d = res.dyad[key];
    const c = res.chrono[key];
    console.log(`${label.padEnd(15)} ${f(d.p)}   ${f(d.r)}   ${f(d.f1)}   | ${f(c.p)}    ${f(c.r)}    ${f(c.f1)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const meantime = args.includes('--meantime');
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? (meantime ? '../shared/eval/meantime/intra-doc_annotation' : '../shared/eval/tempeval3'));
  const errors: Mismatch[] | undefined = args.includes('--errors') ? [] : undefined;
  const byReason: ReasonTally | undefined = args.includes('--by-reason') ? new Map() : undefined;
  const docs = meantime ? loadMeantime(dir) : loadTimeMl(dir);
  const res = scoreTempEval(docs, errors, byReason);
  if (args.includes('--json')) console.log(JSON.stringify(res, null, 2));
  else printTable(res);
  if (args.includes('--agreement')) {
    const a = goldAgreement(docs);
    console.log(`\ngold agreement: ${a.offMajority} of ${a.deictic} deictic timexes differ from the majority reading of their wording`);
    for (const w of a.split) console.log(`  ${w.wording.padEnd(28)} ${String(w.count).padStart(3)}  ${w.readings.map(([r, c]) => `${r} x${c}`).join(', ')}`);
  }
  if (byReason) {
    console.log('\nrule                                   system matched value  type  value/system');
    for (const [k, r] of [...byReason].sort((a, b) => b[1].system - a[1].system)) {
      console.log(`${k.slice(0, 38).padEnd(38)} ${String(r.system).padStart(6)} ${String(r.matched).padStart(7)} ${String(r.value).padStart(5)} ${String(r.type).padStart(5)}  ${(r.value / r.system).toFixed(2)}`);
    }
  }
  if (errors) {
    for (const e of errors) {
      const g = e.gold ? `gold[${e.gold.text}|${e.gold.type}|${e.gold.value}]` : '';
      const s = e.system ? `sys[${e.system.text}|${e.system.type}|${e.system.value}|${e.system.reason ?? ''}]` : '';
      console.log(`${e.kind.padEnd(8)} ${g} ${s}  :: ${e.context}  (${e.doc} ${e.dct ?? ''})`);
    }
  }
}
