// The ACLED reading of a whole report: one event type and sub-event type for what the report describes, its
// deaths, and why. ACLED classifies a report by who fought whom and how, not by its verbs alone: a battle needs two
// organised armed sides, violence against civilians an armed actor and unarmed victims, remote violence an
// explosive or stand-off weapon; protests and riots are crowds; strategic developments are acts without violence.
// The cue words are data (data/lexicons/acled-cues.tsv); who was hurt is read from the armed and civilian nouns on
// the victim side of each violence word.
import type { ActorMention, CodedEvent, DatePrecision, Doc, ReportAcled, TimeExpr, Token } from '../../core/types.js';
import { DyadError } from '../../core/errors.js';
import { dataLines, loadDataFile } from '../../lexicons/tsv.js';
import { acledLegacyType, ARMED_SECTORS, CROWD_SECTORS } from '../../ontology/index.js';
import { MONTHS, NUMBER_WORDS, WEEKDAYS } from '../times/lexicon.js';
import { reportFatalities } from './fatalities.js';

export const ACLED_CUES = [
  'protest', 'riot', 'remote', 'battle', 'attack', 'armed', 'civilian', 'take', 'retake', 'strategic', 'hq', 'nonviolent',
  'smallarms', 'crowd', 'property', 'custody', 'partisan', 'repress', 'overrun', 'offduty',
] as const;
export type AcledCue = (typeof ACLED_CUES)[number];

interface CuePhrase {
  cue: AcledCue;
  words: ReadonlyArray<ReadonlySet<string>>;
  text: string;
  reason: string;
}

export type AcledCueLexicon = Map<string, CuePhrase[]>;

export function parseAcledCues(text: string, file: string): AcledCueLexicon {
  const byFirst: AcledCueLexicon = new Map();
  for (const { cells, at } of dataLines(text, file)) {
    const [phrase, cue, reason] = cells;
    if (!phrase || !(ACLED_CUES as readonly string[]).includes(cue) || !reason) {
      throw new DyadError('DATA', `${at}: expected a phrase, one of ${ACLED_CUES.join('/')} and a reason`);
    }
    const words = phrase.split(/\s+/).map((w) => new Set(w.split('|')));
    const entry: CuePhrase = { cue: cue as AcledCue, words, text: phrase, reason };
    for (const first of words[0]) {
      const list = byFirst.get(first);
      if (list) list.push(entry);
      else byFirst.set(first, [entry]);
    }
  }
  return byFirst;
}

let shipped: AcledCueLexicon | null = null;
export function loadAcledCues(): AcledCueLexicon {
  shipped ??= loadDataFile('lexicons/acled-cues.tsv', parseAcledCues);
  return shipped;
}

export type AcledLabels = Map<string, { event_type: string; sub_event_type: string; reason: string }>;

export function parseAcledLabels(text: string, file: string): AcledLabels {
  const labels: AcledLabels = new Map();
  for (const { cells, at } of dataLines(text, file)) {
    const [label, event_type, sub_event_type, reason] = cells;
    if (!label || !event_type || !sub_event_type || !reason) {
      throw new DyadError('DATA', `${at}: expected a label, an ACLED event type, a sub-event type and a reason`);
    }
    labels.set(label, { event_type, sub_event_type, reason });
  }
  return labels;
}

let shippedLabels: AcledLabels | null = null;
export function loadAcledLabels(): AcledLabels {
  shippedLabels ??= loadDataFile('lexicons/acled-labels.tsv', parseAcledLabels);
  return shippedLabels;
}

/** The label a report opens with ("Looting: ..."): its words before a colon within the first six tokens. */
export function openingLabel(tokens: Token[], start: number, end: number): string | null {
  for (let i = start; i < Math.min(end, start + 7); i++) {
    if (tokens[i].text === ':') return i > start ? tokens.slice(start, i).map((t) => t.lower).join(' ').replace(/ ?\/ ?/g, '/') : null;
  }
  return null;
}

export interface CueHit {
  cue: AcledCue;
  first: number;
  last: number;
}

/** Every cue phrase in tokens[start, end); one hit per cue and start (the longest). */
export function findCues(tokens: Token[], start: number, end: number, lexicon: AcledCueLexicon): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = start; i < end; i++) {
    const cands = lexicon.get(tokens[i].lower);
    if (!cands) continue;
    // The hits of this start, one per cue (the longest); few, so a scan of them beats a map.
    const from = hits.length;
    for (const c of cands) {
      let k = 1;
      while (k < c.words.length && i + k < end && c.words[k].has(tokens[i + k].lower)) k++;
      if (k < c.words.length) continue;
      const last = i + k - 1;
      let h = from;
      while (h < hits.length && hits[h].cue !== c.cue) h++;
      if (h === hits.length) hits.push({ cue: c.cue, first: i, last });
      else if (hits[h].last < last) hits[h].last = last;
    }
  }
  return hits;
}

/** What a report names, counted. */
export interface AcledFeatures {
  counts: Record<AcledCue, number>;
  /** Armed and civilian nouns on the victim side of violence words. */
  armedVictims: number;
  civilianVictims: number;
  /** Violence words in the report (attack cues). */
  violence: number;
  /** Armed nouns that are not the doer of an attack ("by gunmen", "militants attacked"): the other side, if any. */
  armedOthers: number;
  /** Armed nouns that do the violence ("gunmen fired", "by the police"). */
  armedAgents: number;
  civilians: number;
  /** Crowd nouns (protesters, students, youths) on the victim side of violence words. */
  crowdVictims: number;
  /** What a crowd itself did that is violent: riot words other than its repression, clashes, damage. */
  crowdViolence: number;
  /** Violence words that name an abduction ("abducted", "kidnapping", "hostages"). */
  abductions: number;
  /** Battle words that only set the scene of a harm ("killed in the fighting", "during clashes"). */
  battleScenes: number;
}

// Riot words that name a crowd's repression, not its own violence.
const REPRESSION = new Set(['tear', 'teargas', 'dispersed', 'disperse', 'unrest']);
const BE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'got']);
const CLAUSE_END = new Set(['.', ';', ':', 'while', 'but', 'and', 'after', 'before', 'when', 'whereas', 'which', 'who']);
// Words that report harm to whoever stands before them when no object follows: "2 soldiers dead", "3 civilians wounded".
const STATE_WORDS = new Set(['fatalities', 'dead', 'died', 'deaths', 'wounded', 'injured', 'killed', 'abducted', 'kidnapped', 'executed', 'missing', 'assassinated', 'targeted', 'attacked', 'ambushed']);
// After a violence word, words that show it has no object: its victim stands before it ("the post attacked around
// midnight", "2 soldiers killed near Gao").
const AFTER_NO_OBJECT = new Set(['in', 'on', 'during', 'around', 'near', 'at', 'overnight', 'this', 'last', 'early', 'late', 'yesterday', 'today', 'tonight', 'between', 'along', 'outside', 'inside']);
// "in the fighting", "during Sunday's clashes", "amid clashes": the fight is the setting of what is reported.
// Words that say the people hurt took no part in a fight ("people" alone may be the fighters of a communal clash).
const NON_COMBATANTS = new Set(['civilian', 'civilians', 'bystander', 'bystanders', 'passers-by', 'passerby']);
const SCENE = new Set(['in', 'during', 'amid', 'amidst']);
function isScene(tokens: Token[], at: number, start: number): boolean {
  for (let k = at - 1; k >= start && k >= at - 3; k--) {
    if (SCENE.has(tokens[k].lower)) return true;
    if (!ATTACK_NOUN_BEFORE.has(tokens[k].lower) && !tokens[k].lower.endsWith('s')) return false;
  }
  return false;
}
const UNDERGO = new Set(['fell', 'falls', 'fallen', 'came', 'come', 'comes', 'subjected']);
const UNDERGO_PREP = new Set(['into', 'under', 'to']);
/** Where the verb of "fell into an ambush" / "came under attack" stands before the noun at `at`, else -1. */
function undergoneAt(tokens: Token[], at: number, start: number): number {
  for (let k = at - 1; k >= start && k >= at - 3; k--) {
    if (UNDERGO_PREP.has(tokens[k].lower)) return k - 1 >= start && UNDERGO.has(tokens[k - 1].lower) ? k - 1 : -1;
    if (!ATTACK_NOUN_BEFORE.has(tokens[k].lower)) return -1;
  }
  return -1;
}
const LINKED_TO = new Set(['supporting', 'collaborating', 'collaboration', 'mistaken', 'associated', 'affiliated', 'complicity', 'informants', 'informant', 'sympathizers', 'sympathisers']);
const STRIKE = new Set(['strike', 'strikes', 'striking', 'struck']);
const TARGETS = new Set(['target', 'targets', 'positions', 'hideouts', 'hideout']);
const TAKE_PLACE = new Set(['captured', 'capture', 'captures', 'seized', 'seize', 'seizes', 'took', 'take', 'takes', 'taken', 'overran', 'overrun']);
const NAME_START = /^\p{Lu}\p{Ll}/u;
const CAPTIVE = new Set(['hostage', 'hostages', 'prisoner', 'prisoners', 'captive', 'captives', 'control']);
const NOUN_ATTACKS = new Set(['attack', 'attacks', 'assault', 'ambush', 'ambushes', 'raid', 'raids', 'fire', 'gunfire', 'abduction', 'execution', 'assassination', 'murder', 'massacre', 'kidnapping', 'kidnappings']);

// "an attack", "the ambush on": the word is a noun, its victim follows a preposition, not the word itself.
const ATTACK_NOUN_BEFORE = new Set([
  'a', 'an', 'the', 'this', 'that', 'its', 'their', 'his', 'another', 'new', 'fresh', 'deadly', 'coordinated', 'complex',
  'armed', 'suicide', 'simultaneous', 'twin', 'multiple', 'several', 'separate', 'two', 'three', 'jihadist', 'militant',
  'terrorist', 'heavy', 'large', 'major', 'first', 'second', 'latest', 'recent', 'same',
]);
const ATTACK_NOUN_AFTER = new Set(['on', 'against', 'by', 'targeting', 'upon', 'at', 'in', 'near', 'of', ',', '.', 'was', 'were', 'took', 'left', 'killed']);

export function acledFeatures(tokens: Token[], start: number, end: number, lexicon: AcledCueLexicon = loadAcledCues()): AcledFeatures {
  const hits = findCues(tokens, start, end, lexicon);
  const counts = Object.fromEntries(ACLED_CUES.map((c) => [c, 0])) as Record<AcledCue, number>;
  const armedAt = new Set<number>();
  const civilianAt = new Set<number>();
  const crowdAt = new Set<number>();
  const civilianPhrase: CueHit[] = [];
  let crowdViolence = 0;
  let abductions = 0;
  let battleScenes = 0;
  // "air strike" is a weapon, not a strike by workers: a protest word inside a weapon phrase does not count.
  const weaponAt = new Set<number>();
  for (const h of hits) if (h.cue === 'remote') for (let k = h.first; k <= h.last; k++) weaponAt.add(k);
  // "strike AQIM forces", "striking several targets": a strike on an armed side or a target is an attack.
  const armedNoun = new Set<number>();
  for (const h of hits) if (h.cue === 'armed') for (let k = h.first; k <= h.last; k++) armedNoun.add(k);
  const strikesAt = (h: CueHit) => {
    if (!STRIKE.has(tokens[h.first].lower)) return false;
    for (let k = h.last + 1; k <= h.last + 3 && k < end; k++) if (armedNoun.has(k) || TARGETS.has(tokens[k].lower)) return true;
    return false;
  };
  for (const h of hits) {
    if (h.cue === 'protest' && (weaponAt.has(h.first) || weaponAt.has(h.last))) continue;
    if (h.cue === 'protest' && strikesAt(h)) {
      counts.attack++;
      continue;
    }
    // "mortar fire", "rocket fire": the fire of the stand-off weapon, not small arms.
    if (h.cue === 'smallarms' && weaponAt.has(h.first - 1)) continue;
    // "March" with a capital is the month.
    if (h.cue === 'protest' && tokens[h.first].text === 'March') continue;
    counts[h.cue]++;
    if (h.cue === 'attack' && ABDUCTION.has(tokens[h.first].lower)) abductions++;
    if (h.cue === 'battle' && isScene(tokens, h.first, start)) battleScenes++;
    if (h.cue === 'armed') for (let k = h.first; k <= h.last; k++) armedAt.add(k);
    if (h.cue === 'civilian') for (let k = h.first; k <= h.last; k++) civilianAt.add(k);
    if (h.cue === 'civilian' && h.last > h.first) civilianPhrase.push(h);
    if (h.cue === 'crowd' || h.cue === 'partisan' || h.cue === 'protest') for (let k = h.first; k <= h.last; k++) crowdAt.add(k);
    if ((h.cue === 'riot' && !REPRESSION.has(tokens[h.first].lower)) || h.cue === 'battle' || h.cue === 'property') crowdViolence++;
  }
  // "a civilian convoy", "a humanitarian vehicle": the civilian phrase outweighs the armed noun inside it.
  for (const h of civilianPhrase) for (let k = h.first; k <= h.last; k++) armedAt.delete(k);
  // "accused of collaborating with the army", "mistaken for militants": an armed side named only as whom the victims
  // were linked to is not present.
  for (const k of [...armedAt]) {
    for (let j = k - 1; j >= start && j >= k - 4; j--) {
      const low = tokens[j].lower;
      if (CLAUSE_END.has(low) || low === ',') break;
      if (LINKED_TO.has(low)) {
        armedAt.delete(k);
        break;
      }
    }
  }
  // "MINUSMA vehicle", "Dozo hunters", "army chief": a civilian head noun after an armed noun names the armed side.
  for (const k of [...civilianAt]) {
    if (armedAt.has(k - 1) && !civilianAt.has(k - 1)) {
      civilianAt.delete(k);
      armedAt.add(k);
    }
  }
  const armedVictim = new Set<number>();
  const civilianVictim = new Set<number>();
  const crowdVictim = new Set<number>();
  const look = (from: number, step: 1 | -1, limit: number) => {
    // Looking left, nouns after a "by" are the doers ("3 people arrested by FAMA soldiers were executed").
    let armed: number[] = [];
    let civil: number[] = [];
    let crowd: number[] = [];
    for (let k = from, n = 0; k >= start && k < end && n < limit; k += step, n++) {
      const low = tokens[k].lower;
      if (step === 1 && low === 'by') break;
      // Looking left, "and" joins victims ("a soldier and a civilian were killed"); looking right it opens a new clause.
      if (((CLAUSE_END.has(low) && !(step === -1 && low === 'and')) || (step === -1 && low === ',')) && n > 0) break;
      if (step === -1 && low === 'by') {
        armed = [];
        civil = [];
        crowd = [];
        continue;
      }
      if (armedAt.has(k)) armed.push(k);
      if (civilianAt.has(k)) civil.push(k);
      if (crowdAt.has(k)) crowd.push(k);
    }
    for (const k of armed) armedVictim.add(k);
    for (const k of civil) civilianVictim.add(k);
    for (const k of crowd) crowdVictim.add(k);
  };
  for (const h of hits) {
    // "violently dispersed a sit-in", "opened fire on protesters": the crowd after the words is hurt.
    if (h.cue === 'repress') look(h.last + 1, 1, 6);
    if (h.cue !== 'attack') continue;
    const word = tokens[h.first].lower;
    const next = tokens[h.last + 1]?.lower ?? '';
    const noObject = AFTER_NO_OBJECT.has(next) && !(next === 'at' && tokens[h.last + 2]?.lower === 'least');
    const passive = next === 'by' || BE.has(tokens[h.first - 1]?.lower ?? '') || BE.has(tokens[h.first - 2]?.lower ?? '');
    const prevWord = tokens[h.first - 1]?.lower ?? '';
    // "fell into an ambush", "came under attack", "was subjected to gunfire": the victim stands before the verb.
    const undergone = NOUN_ATTACKS.has(word) ? undergoneAt(tokens, h.first, start) : -1;
    if (undergone >= 0) {
      look(undergone - 1, -1, 6);
      continue;
    }
    if (NOUN_ATTACKS.has(word) && !passive && (ATTACK_NOUN_BEFORE.has(prevWord) || ATTACK_NOUN_AFTER.has(next))) {
      // "an attack on a FAMa post", "an ambush against a convoy"
      if (next === 'on' || next === 'against' || next === 'targeting' || next === 'upon' || next === 'at') look(h.last + 2, 1, 6);
      continue;
    }
    if ((word === 'fatalities' || word === 'fatality') && next === ':') look(h.last + 2, 1, 6);
    else if (passive || (STATE_WORDS.has(word) && (next === '' || CLAUSE_END.has(next) || next === ',' || noObject))) {
      look(h.first - 1, -1, 6);
    } else {
      look(h.last + 1, 1, 6);
    }
  }
  // An armed noun right before an active violence word, or after "by", is the doer.
  const activeAt = new Set<number>();
  for (const h of hits) {
    if (h.cue !== 'attack' && h.cue !== 'smallarms') continue;
    const before = tokens[h.first - 1]?.lower ?? '';
    if (!BE.has(before) && tokens[h.last + 1]?.lower !== 'by') activeAt.add(h.first);
  }
  let armedOthers = 0;
  let armedAgents = 0;
  for (const k of armedAt) {
    if (armedAt.has(k - 1)) continue; // one noun phrase, counted once
    let agent = false;
    for (let j = k + 1; j <= k + 4 && j < end && !agent; j++) {
      if (activeAt.has(j)) agent = true;
      if (CLAUSE_END.has(tokens[j].lower) || tokens[j].lower === ',') break;
    }
    for (let j = k - 1; j >= k - 3 && j >= start && !agent; j--) if (tokens[j].lower === 'by') agent = true;
    if (agent) armedAgents++;
    else armedOthers++;
  }
  // "UFDD took Ade", "rebels captured Biltine": a taking verb whose object is a name is a place taken by force (the
  // cue list cannot name every place); a hostage, an armed group or a weapon after it is not a place.
  const objectAt = new Set<number>();
  for (const h of hits) if (h.cue === 'armed' || h.cue === 'smallarms' || h.cue === 'remote') for (let k = h.first; k <= h.last; k++) objectAt.add(k);
  for (let i = start; i + 1 < end; i++) {
    if (!TAKE_PLACE.has(tokens[i].lower) || !NAME_START.test(tokens[i + 1].text)) continue;
    let place = true;
    for (let k = i + 1; k <= i + 3 && k < end && place; k++) if (objectAt.has(k) || CAPTIVE.has(tokens[k].lower)) place = false;
    if (place) {
      counts.take++;
      counts.overrun++;
    }
  }
  let civilians = 0;
  for (const k of civilianAt) if (!civilianAt.has(k - 1)) civilians++;
  return { counts, armedVictims: armedVictim.size, civilianVictims: civilianVictim.size, violence: counts.attack, armedOthers, armedAgents, civilians, crowdVictims: crowdVictim.size, crowdViolence, abductions, battleScenes };
}

const LEGACY_SD = 'Strategic developments';
const SUICIDE = new Set(['suicide', 'kamikaze', 'svbied', 'svbieds']);
const AIR = new Set(['airstrike', 'airstrikes', 'drone', 'drones', 'aircraft', 'helicopter', 'helicopters', 'jets', 'warplanes', 'aerial', 'bombardment']);
const SHELLING = new Set(['shelling', 'shells', 'shelled', 'artillery', 'mortar', 'mortars', 'rocket', 'rockets', 'missile', 'missiles']);
const ABDUCTION = new Set(['abducted', 'abduction', 'kidnapped', 'kidnapping', 'kidnappings', 'abduct', 'kidnap', 'hostage', 'hostages']);
const SEXUAL = new Set(['raped', 'rape', 'rapes', 'sexual']);
const DEATH = new Set(['killed', 'killing', 'dead', 'died', 'deaths', 'executed', 'assassinated', 'murdered', 'fatalities']);
const ARREST = new Set(['arrested', 'arrest', 'arrests', 'detained', 'detain', 'detention']);
const LOOTING = new Set(['looted', 'looting', 'ransacked', 'stole', 'stolen', 'robbed', 'destroyed', 'burned', 'burnt', 'torched', 'vandalized', 'vandalised']);

function has(tokens: Token[], start: number, end: number, words: ReadonlySet<string>): boolean {
  for (let i = start; i < end; i++) if (words.has(tokens[i].lower)) return true;
  return false;
}

function category(event_type: string, sub_event_type: string) {
  return { event_type, sub_event_type };
}

/**
 * The ACLED event type of a report from what it names (see the header), in order:
 *  - territory taken or retaken in a fight, unless a protest leads the report (a crowd occupying a square takes
 *    no territory);
 *  - armed men hurting a crowd that did no violence (violence against civilians);
 *  - a protest that outweighs the violence in it;
 *  - harm to someone in the doer's power (torture, executions, lynching: violence against civilians);
 *  - clashes of unarmed partisans, or a crowd that burns or ransacks (riots); a riot or a crowd's violence
 *    (youths who are only victims are no crowd);
 *  - a suicide attack (remote violence; for the older export, coded by who was hit);
 *  - explosives or stand-off weapons with no fight on the ground;
 *  - violence: a battle when the other side is armed (reciprocal fighting, armed victims, or armed actors that are
 *    not the attacker), violence against civilians otherwise (abductors alone are no second side; civilians hurt
 *    in others' fight are its victims; a soldier hurt off duty or at home is no fighting side);
 *  - a place overrun without named fighting (a battle); territory changing hands without a fight;
 *  - else a strategic development, or the report's own coded events when it names none of the cues.
 * `legacy_type` is set when the older export's type does not follow from the current one.
 */
export function classifyAcled(
  tokens: Token[],
  start: number,
  end: number,
  events: readonly CodedEvent[] = [],
  lexicon: AcledCueLexicon = loadAcledCues(),
  labels: AcledLabels = loadAcledLabels(),
): { event_type: string; sub_event_type: string; legacy_type?: string; reason: string } | null {
  const label = openingLabel(tokens, start, end);
  const named = label ? labels.get(label) : undefined;
  if (named) return { event_type: named.event_type, sub_event_type: named.sub_event_type, reason: `the report opens with "${label}:" (${named.reason})` };
  const f = acledFeatures(tokens, start, end, lexicon);
  const c = f.counts;
  const cues = ACLED_CUES.filter((k) => c[k] > 0).map((k) => `${k} ${c[k]}`).join(', ');
  const why = (s: string) => `${s} (cues: ${cues || 'none'}; armed victims ${f.armedVictims}, civilian victims ${f.civilianVictims}; other armed ${f.armedOthers}, civilians ${f.civilians})`;
  const violent = c.attack > 0 || c.battle > 0 || c.smallarms > 0;
  // A crowd that occupies a square or is chased off takes no territory: territory changes hands between armed sides.
  const protestLed = c.protest > 0 && c.protest >= c.attack;
  if (c.retake > 0 && violent && !protestLed) return { ...category('Battles', 'Government regains territory'), reason: why('territory retaken in a fight') };
  if (c.take > 0 && violent && !protestLed) return { ...category('Battles', 'Non-state actor overtakes territory'), reason: why('territory taken in a fight') };
  // Armed men hurting a crowd that did no violence itself: "police violently dispersed a sit-in, injuring several".
  const repressed =
    c.repress > 0 && f.crowdVictims + f.civilianVictims > 0 && f.armedVictims === 0 && f.armedAgents + f.armedOthers > 0 && f.crowdViolence === 0;
  if ((c.protest > 0 || c.crowd > 0) && repressed) {
    return { ...category('Violence against civilians', 'Attack'), reason: why('armed men hurt a crowd that did no violence') };
  }
  if (protestLed) {
    return c.riot > 0
      ? { ...category('Riots', 'Violent demonstration'), reason: why('a protest turned violent') }
      : { ...category('Protests', 'Peaceful protest'), reason: why('a protest outweighs any violence named') };
  }
  // Torture, executions, beatings in custody, a lynching: the victim is in the doer's power, not a fighting side.
  if (c.custody > 0 && c.battle === 0 && c.protest < c.attack + c.custody) {
    return { ...category('Violence against civilians', has(tokens, start, end, SEXUAL) ? 'Sexual violence' : 'Attack'), reason: why('harm done to someone in the doer\'s power') };
  }
  // "Clashes between students of two faculties", "police clashed with trade unionists": unarmed partisans fighting.
  if (c.battle > 0 && c.partisan > 0 && c.remote === 0 && f.armedOthers + f.armedAgents <= 2) {
    return { ...category('Riots', 'Violent demonstration'), reason: why('unarmed partisans clashed') };
  }
  // A crowd that burns or ransacks is rioting, whatever killing it answers: "youths burned the gendarmerie post after
  // gendarmes killed a resident".
  if ((c.crowd > 0 || c.riot > 0) && c.property > 0 && c.battle === 0 && c.remote === 0 && f.armedVictims === 0) {
    return { ...category('Riots', 'Violent demonstration'), reason: why('a crowd burned or ransacked') };
  }
  // A riot or a crowd's violence that the violence words do not outweigh: "rioters burned the town hall".
  // Youths or students who are only the victims ("gunmen abducted two youths") are no rioting crowd.
  const crowdActs = c.riot > 0 || c.protest > 0 || c.property > 0 || c.crowd > f.crowdVictims;
  if ((c.riot > 0 || c.crowd > 0) && crowdActs && c.protest + c.riot + c.crowd >= c.attack) {
    return { ...category('Riots', c.crowd > 0 ? 'Mob violence' : 'Violent demonstration'), reason: why('a crowd\'s violence') };
  }
  // Who was hurt on the ground: a battle when the other side is armed (reciprocal fighting, armed victims, or armed
  // actors that are not the attacker), violence against civilians otherwise.
  const onTheGround = () => {
    // Armed men who only abduct are the abductors, not a second side.
    const abductionOnly = f.abductions === c.attack && c.smallarms === 0;
    // Civilians hurt in a fight between others: violence against civilians, the fight its setting.
    const civiliansInFight =
      c.battle > 0 && f.battleScenes === c.battle && f.civilianVictims > 0 && f.armedVictims === 0 && has(tokens, start, end, NON_COMBATANTS);
    // A soldier or policeman killed off duty or at home is no fighting side: "an off-duty policeman shot dead".
    const offDuty = c.offduty > 0 && c.battle === 0;
    const battle =
      !offDuty &&
      ((c.battle > 0 && !civiliansInFight) ||
        f.armedVictims > f.civilianVictims ||
        (f.armedVictims === f.civilianVictims && !abductionOnly && (f.armedOthers > f.civilians || (f.armedOthers === f.civilians && f.armedOthers > 0))));
    if (battle) {
      const reason = c.battle > 0 && !civiliansInFight ? 'two sides fought' : f.armedVictims > f.civilianVictims ? 'the victims were armed' : 'an armed actor on the other side';
      return { ...category('Battles', 'Armed clash'), reason: why(reason) };
    }
    const sub = has(tokens, start, end, SEXUAL)
      ? 'Sexual violence'
      : has(tokens, start, end, ABDUCTION) && !has(tokens, start, end, DEATH)
        ? 'Abduction/forced disappearance'
        : 'Attack';
    const reason = civiliansInFight ? 'civilians hurt in a fight between others' : offDuty ? 'the victim was off duty, not a fighting side' : 'an armed actor against unarmed people';
    return { ...category('Violence against civilians', sub), reason: why(reason) };
  };
  // A suicide attacker is present: the older ACLED export, whose remote violence needs no attacker on the spot,
  // codes the attack by who was hit, as a battle or violence against civilians.
  if (c.remote > 0 && has(tokens, start, end, SUICIDE)) {
    const ground = onTheGround();
    return {
      ...category('Explosions/Remote violence', 'Suicide bomb'),
      legacy_type: acledLegacyType(ground.event_type, ground.sub_event_type),
      reason: `a suicide attack; for the older export, ${ground.reason}`,
    };
  }
  if (c.remote > 0 && c.battle === 0 && c.smallarms === 0) {
    const sub = has(tokens, start, end, AIR)
      ? 'Air/drone strike'
      : has(tokens, start, end, SHELLING)
        ? 'Shelling/artillery/missile attack'
        : 'Remote explosive/landmine/IED';
    return { ...category('Explosions/Remote violence', sub), reason: why('an explosive or stand-off weapon, no fight on the ground') };
  }
  if (violent) return onTheGround();
  if (c.riot > 0 && c.crowd > 0) return { ...category('Riots', 'Mob violence'), reason: why('a crowd\'s violence') };
  if (c.property > 0) return { ...category(LEGACY_SD, 'Looting/property destruction'), reason: why('property looted or destroyed, no one hurt') };
  // "Rebels overran the garrison", "captured the town": taken by force, though no fighting is named.
  if (c.overrun > 0 && c.nonviolent === 0) {
    return c.retake > 0
      ? { ...category('Battles', 'Government regains territory'), reason: why('territory retaken by force') }
      : { ...category('Battles', 'Non-state actor overtakes territory'), reason: why('territory taken by force') };
  }
  if (c.take > 0 || c.retake > 0 || c.nonviolent > 0) {
    return { ...category(LEGACY_SD, 'Non-violent transfer of territory'), reason: why('territory changed hands without a fight') };
  }
  if (c.hq > 0) return { ...category(LEGACY_SD, 'Headquarters or base established'), reason: why('a base set up') };
  // No cue: what the report's own coded events say, if any is violent or a protest.
  const coded = events.find((e) => !e.negated && !e.hypothetical && e.acled && e.acled.event_type !== LEGACY_SD);
  if (coded?.acled) return { ...coded.acled, reason: `the report's event "${coded.trigger?.text ?? coded.event}" (${coded.reason})` };
  if (c.strategic > 0 || events.some((e) => !e.negated && !e.hypothetical && e.acled)) {
    const sub = has(tokens, start, end, ARREST) ? 'Arrests' : has(tokens, start, end, LOOTING) ? 'Looting/property destruction' : 'Other';
    return { ...category(LEGACY_SD, sub), reason: why('a development without violence') };
  }
  return null;
}

/** The report-level ACLED reading of an analysed document: type, legacy type, deaths and date; null when ACLED records nothing. */
export function reportAcled(
  doc: Pick<Doc, 'tokens' | 'sentences' | 'events'> & Partial<Pick<Doc, 'times' | 'published' | 'text' | 'actors'>>,
  lexicon: AcledCueLexicon = loadAcledCues(),
): ReportAcled | null {
  const cat = classifyAcled(doc.tokens, 0, doc.tokens.length, doc.events, lexicon);
  if (!cat) return null;
  const protestLike = cat.event_type === 'Protests' || cat.event_type === 'Riots';
  // In a protest, a death named as its cause happened before it ("marched after police killed a student").
  const fatalities = reportFatalities(doc.tokens, doc.sentences, { protest: protestLike });
  const legacy_type = cat.legacy_type ?? acledLegacyType(cat.event_type, cat.sub_event_type);
  const happened = happenedEvents(doc.events, legacy_type);
  const share = fatalities && fatalities > 1 && doc.text ? eventShare(doc.text) : null;
  return {
    event_type: cat.event_type,
    sub_event_type: cat.sub_event_type,
    legacy_type,
    fatalities,
    fatalities_coded: share && fatalities ? Math.round(fatalities / share.parts) : fatalities,
    ...(share ? { fatalities_reason: share.reason } : {}),
    reason: cat.reason,
    ...reportDate(happened, doc.times ?? [], doc.published ?? null),
    actor1: reportActor(happened, doc.actors ?? [], protestLike),
  };
}

/** The report's events that happened (not negated, hypothetical or background), and those of its type. */
interface HappenedEvents {
  all: CodedEvent[];
  ofType: CodedEvent[];
}

function happenedEvents(events: readonly CodedEvent[], legacyType: string): HappenedEvents {
  const all = events.filter((e) => !e.negated && !e.hypothetical && !e.historical);
  const ofType = all.filter((e) => e.acled && acledLegacyType(e.acled.event_type, e.acled.sub_event_type) === legacyType);
  return { all, ofType };
}

/**
 * ACLED's actor 1 for the report: the doer of the first event of the report's type (else of any event), else the
 * first armed or state-force actor the report names, or for a protest or riot the first crowd; null when none.
 */
function reportActor(happened: HappenedEvents, actors: readonly ActorMention[], crowd: boolean): ActorMention | null {
  const doer = happened.ofType.find((e) => e.source) ?? happened.all.find((e) => e.source);
  if (doer?.source) return { ...doer.source, reason: `the doer of the report's event "${doer.trigger?.text ?? doer.event}": ${doer.source.reason}` };
  const named = actors.find((a) => a.sector && a.kind !== 'location' && (ARMED_SECTORS.has(a.sector) || (crowd && CROWD_SECTORS.has(a.sector))));
  if (named) return { ...named, reason: `no coded event has a doer; the first ${crowd ? 'crowd or armed' : 'armed'} actor the report names: ${named.reason}` };
  return null;
}

const DAY_VALUE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * When the reported event happened. A report names one event, so its date is the date the text gives the event of
 * the report's type when the text gives its day; failing that, the first day the report names that is not after
 * publication ("On October 11, unknown individuals set a church ablaze": no coded event, but the day is stated);
 * failing that, the event's month or year, or what the events were dated by (the published date).
 */
function reportDate(
  { all, ofType }: HappenedEvents,
  times: readonly TimeExpr[],
  published: string | null,
): { date: string | null; date_precision: DatePrecision; date_reason: string } {
  const why = (e: CodedEvent, how: string) => `the date of the report's event "${e.trigger?.text ?? e.event}" (${how})`;
  const statedDay = ofType.find((e) => e.date_from === 'text' && e.date && e.date_precision === 'day');
  if (statedDay?.date) return { date: statedDay.date, date_precision: 'day', date_reason: why(statedDay, statedDay.time?.text ?? 'stated') };
  const day = times.find((t) => t.type === 'DATE' && DAY_VALUE.test(t.value) && (!published || t.value <= published.slice(0, 10)));
  if (day) return { date: day.value, date_precision: 'day', date_reason: `the first day the report names ("${day.text}")` };
  const stated = ofType.find((e) => e.date_from === 'text' && e.date);
  if (stated?.date) return { date: stated.date, date_precision: stated.date_precision, date_reason: why(stated, stated.time?.text ?? 'stated') };
  const any = ofType[0] ?? all[0];
  if (any?.date) return { date: any.date, date_precision: any.date_precision, date_reason: why(any, any.date_from === 'published' ? 'the published date' : 'stated') };
  if (published) return { date: published.slice(0, 10), date_precision: 'day', date_reason: 'the published date: the report states no day' };
  return { date: null, date_precision: 'unknown', date_reason: 'no date stated and no published date' };
}

const N = '(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)';
const MONTH_WORD = [...MONTHS.keys()].join('|');
const WEEKDAY_WORD = [...WEEKDAYS.keys()].filter((w) => !w.endsWith('s')).join('|');
const weekday = (w: string) => WEEKDAYS.get(w.toLowerCase()) ?? 0;
const SPREAD_PATTERNS: ReadonlyArray<{ re: RegExp; parts: (m: RegExpExecArray) => number; why: string }> = [
  { re: new RegExp(`\\bone of (\\d{1,3}) (?:separate )?(?:events|incidents|attacks)\\b`, 'i'), parts: (m) => Number(m[1]), why: 'one of several events the toll covers' },
  { re: new RegExp(`\\bspread (?:over|across) ${N}\\b`, 'i'), parts: (m) => count(m[1]), why: 'the report spreads the toll' },
  {
    re: new RegExp(`\\b(?:over|in|during|across|after|for|within)\\s+(?:the\\s+course\\s+of\\s+|a\\s+period\\s+of\\s+)?(?:the\\s+(?:past|last)\\s+)?${N}\\s+days\\b`, 'i'),
    parts: (m) => count(m[1]),
    why: 'a toll over several days',
  },
  { re: new RegExp(`\\b${N}[ -]days?\\s+of\\s+(?:fighting|clashes|violence|unrest|rioting|riots|protests?|combat|attacks|battles?|operations?)`, 'i'), parts: (m) => count(m[1]), why: 'a toll over several days' },
  {
    re: new RegExp(`\\bbetween\\s+(?:${MONTH_WORD})\\.?\\s+(\\d{1,2})\\s*(?:and|-|–)\\s*(\\d{1,2})\\b`, 'i'),
    parts: (m) => Number(m[2]) - Number(m[1]) + 1,
    why: 'a toll over a range of days',
  },
  {
    re: new RegExp(`\\b(?:from|between)\\s+(${WEEKDAY_WORD})\\s*(?:to|and|-|–|until)\\s*(${WEEKDAY_WORD})\\b`, 'i'),
    parts: (m) => ((weekday(m[2]) - weekday(m[1]) + 7) % 7) + 1,
    why: 'a toll over a range of days',
  },
];

function count(word: string): number {
  return NUMBER_WORDS.get(word.toLowerCase()) ?? Number(word);
}

/**
 * Over how many events a report's toll is spread: ACLED codes one event per day and place and divides a toll that
 * covers several days ("killed in three days of clashes") or several events ("one of 28 separate events that
 * killed 43") evenly among them. Null when the report covers one event.
 */
export function eventShare(text: string): { parts: number; reason: string } | null {
  for (const p of SPREAD_PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    // "the night between Monday and Tuesday" is one night, not two days.
    if (/\bnight\s+(?:of\s+)?$/i.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    const parts = p.parts(m);
    if (parts >= 2 && parts <= 60) return { parts, reason: `${p.why} ("${m[0]}"): the toll divided by ${parts}` };
  }
  return null;
}
