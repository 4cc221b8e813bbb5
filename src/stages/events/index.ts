// The event coder: for each sentence, the event phrases from the lexicon, their source and target actors,
// modality, date and coding (PLOVER type and mode, CAMEO root, Goldstein, quad, ACLED category).
import type { ActorMention, CodedEvent, Doc, Stage, Token } from '../../core/types.js';
import type { EventLexicon } from '../../lexicons/events.js';
import { loadEventLexicon, loadImpliedEvents, loadInstruments, type EventEntry } from '../../lexicons/events.js';
import { acledCategory, ARMED_SECTORS, codeEvent, RECIPROCAL_FIGHTING_CUES, STATE_FORCE_SECTORS, type PloverType } from '../../ontology/index.js';
import { findArguments, type Arguments } from './arguments.js';
import { dateEvent, datingContext, isAfter, isHistorical, publishedDate } from './dating.js';
import { findFatalities } from './fatalities.js';
import { readModality } from './modality.js';
import { findTriggers, type Trigger } from './triggers.js';
import { createEntityFinder, mergeMentions } from '../ner/stage.js';
import { impliedActor } from '../actors/index.js';
import { countryHints, eventPlace } from '../places/index.js';
import { inferContext } from './context.js';
import { loadAcledCues, reportAcled } from './acled.js';

const PRONOUNS = new Set(['he', 'she']);
const VIOLENT = new Set(['ASSAULT', 'PROTEST', 'COERCE']);
const UNATTRIBUTED_OK = new Set(['ASSAULT', 'PROTEST']);

/** "He" or "She" as subject before the trigger, resolved to the last person mentioned before it. */
function resolvePronoun(doc: Doc, tokens: Token[], from: number, first: number, persons: ActorMention[]): ActorMention | null {
  for (let i = first - 1; i >= from; i--) {
    if (!PRONOUNS.has(tokens[i].lower)) continue;
    const pos = tokens[i].start;
    let antecedent: ActorMention | null = null;
    for (const p of persons) if (p.end <= pos) antecedent = p;
    if (!antecedent) return null;
    return {
      ...antecedent,
      start: tokens[i].start,
      end: tokens[i].end,
      text: tokens[i].text,
      sentence: doc.sentences.findIndex((s) => s.start <= pos && pos < s.end),
      reason: `pronoun "${tokens[i].text}" refers to ${antecedent.name}, the last person named before it`,
    };
  }
  return null;
}

export interface EventCoderOptions {
  lexicon?: EventLexicon;
  /** Look for names the lexicons miss (the NER tagger) in the sentences that hold an event phrase. */
  entityTagger?: boolean;
}

export function createEventsStage(options: EventCoderOptions = {}): Stage {
  const lexicon = options.lexicon ?? loadEventLexicon();
  const acledCues = loadAcledCues();
  return {
    name: 'events',
    process(doc: Doc) {
      doc.events = codeEvents(doc, lexicon, undefined, undefined, options.entityTagger ?? false);
      doc.acled = reportAcled(doc, acledCues);
    },
  };
}

/** One event per source, type and sentence: a reading without a target gives way to one with a target. */
function dropTargetless(events: CodedEvent[]): CodedEvent[] {
  return events.filter(
    (e) =>
      e.target !== null ||
      !events.some((o) => o !== e && o.target !== null && o.event === e.event && o.evidence.start === e.evidence.start && o.source?.entity === e.source?.entity),
  );
}

/**
 * Events that an actor noun reports by itself ("protesters gathered" reports a protest), when the sentence has
 * no event of that type: the named group is the source.
 */
function impliedTriggers(
  tokens: Token[],
  actors: ActorMention[],
  found: Trigger[],
  implied: Map<string, EventEntry>,
  from: number,
  to: number,
): Array<Trigger & { preset: Arguments }> {
  const out: Array<Trigger & { preset: Arguments }> = [];
  for (const a of actors) {
    if (a.kind === 'location') continue;
    // The mention's last token is its head noun.
    let head = -1;
    for (let i = from; i < to && tokens[i].start < a.end; i++) if (tokens[i].end <= a.end && tokens[i].start >= a.start) head = i;
    const entry = head >= 0 ? implied.get(tokens[head].lower) : undefined;
    if (!entry || found.some((t) => t.entry.event === entry.event) || out.some((t) => t.entry.event === entry.event)) continue;
    out.push({
      entry,
      first: head,
      last: head,
      words: [head],
      preset: { source: a, target: null, coSources: [], passive: false, reasons: [`source: the ${tokens[head].text} named`] },
    });
  }
  return out;
}

// Words by which an actor states its own intention ("Libya offered to hand over", "will withdraw unless").
const INTENT_CUES = new Set([
  'will', 'shall', "'ll", 'plans', 'plan', 'planned', 'planning', 'intends', 'intend', 'intended', 'pledged', 'pledges',
  'pledge', 'promised', 'promises', 'promise', 'vowed', 'vows', 'vow', 'offered', 'offers', 'offer', 'ready',
  'willing', 'prepared', 'sworn', 'swore', 'threatened', 'threatens', 'threaten', 'going', 'set',
]);
// An announced hostile act is a threat; an announced cooperative act is an agreement (CAMEO 13x and 03x).
const ANNOUNCED_AS: Record<string, { event: PloverType; mode: string | null }> = {
  SANCTION: { event: 'THREATEN', mode: 'restrict' },
  COERCE: { event: 'THREATEN', mode: 'restrict' },
  ASSAULT: { event: 'THREATEN', mode: 'violence' },
  AID: { event: 'AGREE', mode: null },
  COOPERATE: { event: 'AGREE', mode: null },
  RETREAT: { event: 'AGREE', mode: null },
  CONCEDE: { event: 'AGREE', mode: null },
  CONSULT: { event: 'AGREE', mode: null },
};

/**
 * An actor announcing what it will do has done something already: "France is ready to contribute troops" is an
 * AGREE today, "Nigeria will withdraw its force unless ..." a THREATEN. The announced act stays future or
 * hypothetical; the statement is coded beside it, dated when it was made.
 */
function announcedIntent(ev: CodedEvent, cues: string[], published: ReturnType<typeof publishedDate>, conditional: boolean): CodedEvent | null {
  if (ev.negated || !ev.source || !(ev.future || ev.hypothetical)) return null;
  // A condition turns any announcement into leverage: "will withdraw its force unless ..." is a threat.
  const as = conditional && ANNOUNCED_AS[ev.event] ? { event: 'THREATEN' as PloverType, mode: null } : ANNOUNCED_AS[ev.event];
  const cue = cues.find((c) => INTENT_CUES.has(c));
  if (!as || !cue) return null;
  const coding = codeEvent(as.event, as.mode);
  const statedAt = ev.date_from === 'text' && ev.date !== null && !ev.future ? { date: ev.date, precision: ev.date_precision } : { date: published.date, precision: published.precision };
  return {
    ...ev,
    ...coding,
    date: statedAt.date,
    date_precision: statedAt.precision,
    date_from: statedAt.date === ev.date ? ev.date_from : published.from,
    negated: false,
    hypothetical: false,
    future: false,
    historical: false,
    acled: null,
    fatalities: null,
    confidence: Math.round(ev.confidence * 0.9 * 100) / 100,
    reason: `announced intention ("${cue}") to ${ev.event}${ev.mode ? '/' + ev.mode : ''} is itself ${coding.event}${coding.mode ? '/' + coding.mode : ''}; ${ev.reason}`,
  };
}

/** The weapon a sentence names, by rank (a suicide attack outranks the explosives it used). */
function namedWeapon(tokens: Token[], from: number, to: number, instruments: Map<string, { mode: string; rank: number }>) {
  let best: { mode: string; rank: number; word: string } | null = null;
  for (let i = from; i < to; i++) {
    const w = instruments.get(tokens[i].lower);
    if (!w || (best && best.rank <= w.rank)) continue;
    // "air" names a weapon only in "air strike/raid/attack".
    if (tokens[i].lower === 'air' && !/^(strikes?|raids?|attacks?|force|forces|bombardments?)$/.test(tokens[i + 1]?.lower ?? '')) continue;
    best = { ...w, word: tokens[i].text };
  }
  return best;
}

// Words that make a named armed group the doer of a report's violence: "JNIM claimed responsibility", "the attack
// was attributed to ISGS", "blamed on Boko Haram", "the IED was most likely planted by Katiba Macina militants".
const CLAIM_WORDS = new Set([
  'claimed', 'claims', 'claim', 'claiming', 'responsibility', 'attributed', 'blamed', 'blames', 'blaming', 'planted',
  'likely', 'presumably', 'probably', 'believed',
]);

/**
 * The armed group the report says claimed or was blamed for an attack: a named group (not a state force) in a
 * sentence with a claim word; null when there is none, or more than one group so named.
 */
export function claimant(doc: Pick<Doc, 'actors' | 'tokens' | 'sentences'>): ActorMention | null {
  let found: ActorMention | null = null;
  for (const a of doc.actors) {
    if (a.kind !== 'group' || !a.entity.startsWith('group:') || !a.sector || !ARMED_SECTORS.has(a.sector) || STATE_FORCE_SECTORS.has(a.sector)) continue;
    const sent = doc.sentences[a.sentence];
    if (!sent) continue;
    let claim = false;
    for (let i = sent.tokenStart; i < sent.tokenEnd && !claim; i++) claim = CLAIM_WORDS.has(doc.tokens[i].lower);
    if (!claim) continue;
    if (found && found.entity !== a.entity) return null;
    found = a;
  }
  return found;
}

export function codeEvents(
  doc: Doc,
  lexicon: EventLexicon = loadEventLexicon(),
  implied = loadImpliedEvents(),
  instruments = loadInstruments(),
  entityTagger = false,
): CodedEvent[] {
  const { tokens } = doc;
  const events: CodedEvent[] = [];
  const seen = new Set<string>();
  const persons = doc.actors.filter((a) => a.kind === 'person');
  // Actors and times grouped by sentence once, so each sentence's look-up is direct.
  const actorsBySentence = new Map<number, ActorMention[]>();
  for (const a of doc.actors) {
    const list = actorsBySentence.get(a.sentence);
    if (list) list.push(a);
    else actorsBySentence.set(a.sentence, [a]);
  }
  const timesBySentence = new Map<number, typeof doc.times>();
  for (const t of doc.times) {
    const list = timesBySentence.get(t.sentence);
    if (list) list.push(t);
    else timesBySentence.set(t.sentence, [t]);
  }

  const finder = entityTagger ? createEntityFinder(doc) : null;
  const tagged: ActorMention[] = [];
  const published = publishedDate(doc.published);
  const fallbackCountry = countryHints(doc.actors)[0] ?? null;
  // The armed group a report says claimed or was blamed for its violence, looked up once when first needed.
  let claimer: ActorMention | null | undefined;
  for (const sent of doc.sentences) {
    let actors = actorsBySentence.get(sent.index) ?? [];
    const found = findTriggers(tokens, sent.tokenStart, sent.tokenEnd, lexicon);
    let sentenceTagged = !finder;
    const triggers: Array<Trigger & { preset?: Arguments }> = [...found, ...impliedTriggers(tokens, actors, found, implied, sent.tokenStart, sent.tokenEnd)];
    if (!triggers.length) continue;
    const weapon = namedWeapon(tokens, sent.tokenStart, sent.tokenEnd, instruments);
    let conditional = false;
    for (let i = sent.tokenStart; i < sent.tokenEnd && !conditional; i++) conditional = tokens[i].lower === 'unless' || tokens[i].lower === 'if';
    let reciprocal = false;
    for (let i = sent.tokenStart; i < sent.tokenEnd && !reciprocal; i++) reciprocal = RECIPROCAL_FIGHTING_CUES.has(tokens[i].lower);
    const times = timesBySentence.get(sent.index) ?? [];
    const triggerSpans = triggers.map((t) => ({ start: tokens[t.first].start, end: tokens[t.last].end }));
    const dating = datingContext(doc, sent.index, triggerSpans, actors);
    for (const trig of triggers) {
      const entry = trig.entry;
      const triggerStart = tokens[trig.first].start;
      const triggerEnd = tokens[trig.last].end;
      // A phrase that starts inside a name is part of the name: "Multinational Joint Task Force", "the coup
      // leader". One that only ends in a mention keeps it ("expelled French diplomats").
      if (!trig.preset && actors.some((a) => a.start <= triggerStart && triggerStart < a.end)) continue;
      let args = trig.preset ?? findArguments(tokens, sent.tokenStart, sent.tokenEnd, trig.first, trig.last, entry.event, actors);
      // Names the lexicons miss are looked for only where an event lacks an actor: tagging every sentence would
      // cost half the pipeline's speed.
      if (!sentenceTagged && !trig.preset && (!args.source || !args.target)) {
        sentenceTagged = true;
        const more = finder!.sentence(sent);
        if (more.length) {
          actors = mergeMentions(actors, more);
          tagged.push(...more);
          if (actors.some((a) => a.start <= triggerStart && triggerStart < a.end)) continue;
          args = findArguments(tokens, sent.tokenStart, sent.tokenEnd, trig.first, trig.last, entry.event, actors);
        }
      }
      const reasons = [...args.reasons];
      if (!args.source && !args.passive) {
        const pronoun = resolvePronoun(doc, tokens, sent.tokenStart, trig.first, persons);
        if (pronoun) {
          args.source = pronoun;
          reasons.push(pronoun.reason);
        }
      }
      // An event needs a known actor doing it; a passive with a known target is kept with an unknown source,
      // and so is violence or protest, which happened whoever did it ("an IED exploded near a convoy").
      if (!args.source && !(args.passive && args.target) && !UNATTRIBUTED_OK.has(entry.event)) continue;
      // Violence or a protest with no named doer is coded as an analyst would: an unnamed armed group, or
      // protesters, of the country where it happened (MLIUAF, NEROPP), the reason saying so.
      let impliedSource = false;
      if (!args.source && UNATTRIBUTED_OK.has(entry.event)) {
        impliedSource = true;
        const protest = entry.event === 'PROTEST';
        claimer ??= protest ? null : claimant(doc);
        args.source = claimer && !protest && claimer.entity !== args.target?.entity
          ? { ...claimer, reason: `${claimer.reason}; no doer named in the sentence, and the report says ${claimer.text} claimed or was blamed for the attack` }
          : impliedActor(doc, sent.index, { start: triggerStart, end: triggerEnd }, protest ? 'OPP' : 'UAF', protest ? 'protesters' : 'armed group');
        reasons.push(args.source.reason);
      }
      const inTime = (i: number) => times.some((t) => t.start <= tokens[i].start && tokens[i].end <= t.end);
      const mood = readModality(tokens, sent.tokenStart, trig.first, trig.words, inTime);
      const when = dateEvent(times, triggerStart, triggerEnd, doc.published, dating);
      const future = mood.future || isAfter(when, doc.published);
      // A generic attack word takes its mode from the weapon the sentence names ("killed by an IED").
      const byWeapon = entry.event === 'ASSAULT' && !entry.mode && weapon ? weapon : null;
      if (byWeapon) reasons.push(`mode: ${byWeapon.mode} from "${byWeapon.word}" in the sentence`);
      const coding = codeEvent(entry.event as PloverType, byWeapon?.mode ?? entry.mode);
      const context = entry.context ?? inferContext(tokens, sent.tokenStart, sent.tokenEnd);
      const fatalities = entry.event === 'ASSAULT' ? findFatalities(tokens, sent.tokenStart, sent.tokenEnd) : null;
      const phrase = doc.text.slice(triggerStart, triggerEnd);
      const place = eventPlace(doc.places, sent.index, triggerStart, triggerEnd, fallbackCountry);
      const dateReason =
        when.from === 'text'
          ? `date: ${when.reason ?? `"${when.time!.text}" (${when.time!.value})`}`
          : when.from === 'published'
            ? 'date: the published date (no time expression governs it)'
            : 'date: unknown (no time expression and no published date)';
      for (const source of [args.source, ...args.coSources]) {
        const key = `${sent.index}|${source?.entity ?? '-'}|${coding.event}|${args.target?.entity ?? '-'}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // An implied doer (no one named) adds no confidence: the text did not say who acted.
        let confidence = 0.5 + (source && !impliedSource ? 0.2 : 0) + (args.target ? 0.2 : 0);
        if (mood.negated || mood.hypothetical) confidence -= 0.1;
        const reason = [
          `"${phrase}" matched ${entry.at} "${entry.pattern}" -> ${coding.event}${coding.mode ? '/' + coding.mode : ''} (${entry.reason})`,
          ...reasons,
          mood.cues.length ? `modality cues: ${mood.cues.join(', ')}` : '',
          dateReason,
        ]
          .filter(Boolean)
          .join('; ');
        const ev: CodedEvent = {
          id: `${doc.id}-e${events.length + 1}`,
          article_id: doc.id,
          date: when.date,
          date_precision: when.precision,
          event: coding.event,
          mode: coding.mode,
          context,
          quad: coding.quad,
          cameo: coding.cameo,
          goldstein: coding.goldstein,
          source,
          target: args.target,
          location: place,
          fatalities,
          negated: mood.negated,
          hypothetical: mood.hypothetical,
          future,
          historical: isHistorical(when, doc.published),
          evidence: { text: doc.text.slice(sent.start, sent.end), start: sent.start, end: sent.end },
          reason,
          confidence: Math.round(Math.min(0.95, confidence) * 100) / 100,
          acled: VIOLENT.has(coding.event) ? acledCategory(coding.event, coding.mode, args.target?.sector ?? null, source?.sector ?? null, reciprocal) : null,
          time: when.time ? { text: when.time.text, value: when.time.value } : null,
          trigger: { text: phrase, start: triggerStart, end: triggerEnd },
          date_from: when.from,
          since: when.since ?? null,
        };
        events.push(ev);
        const stated = announcedIntent(ev, mood.cues, published, conditional);
        if (stated) events.push(stated);
      }
    }
  }
  // The tagger's mentions join the document's actors (annotate and the store show them like any other).
  doc.actors = mergeMentions(doc.actors, tagged);
  return dropTargetless(events).map((e, i) => ({ ...e, id: `${doc.id}-e${i + 1}` }));
}
