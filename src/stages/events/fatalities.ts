// Deaths reported with a violent event: "killing 12 soldiers", "at least five people were killed", "left 3 dead",
// "5 soldiers and 3 civilians were killed" (8), "a civilian was also killed" (1), "Fatalities: 7 soldiers, 2
// assailants" (9), "no casualties" (0). Injuries, arrests and other numbers are not deaths. A report counts every
// death it states, attackers included, so separate statements add up; a subset ("including 5 militants") and a
// revised toll ("the toll rose to 13") do not add to what was already counted.
import type { Token } from '../../core/types.js';

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12, dozens: 24, hundreds: 200, scores: 40,
};
// Misspellings frequent in field reports, and the military's "neutralised" (killed, in French army usage): both
// death words and verbs whose object is the dead.
const FIELD_KILL_WORDS = ['kiling', 'kililng', 'killling', 'neutralised', 'neutralized', 'neutralising', 'neutralizing'];
// Words after which "the N" or "N" is a count of dead people.
const DEATH_WORDS = new Set([
  'killed', 'killing', 'kills', 'kill', 'dead', 'died', 'die', 'dies', 'dying', 'deaths', 'death', 'fatalities', 'fatality', 'lives',
  'bodies', 'corpses', 'slain', 'massacred', 'executed', 'perished', 'murdered', 'assassinated', 'lynched', 'beheaded',
  'succumbed', 'slaughtered', 'slaughtering', 'murdering', 'executing', 'massacring', 'assassinating',
  ...FIELD_KILL_WORDS,
]);
// Verbs whose object (to the right) is the dead: "killing 12", "executed a teacher".
const ACTIVE_DEATH_VERBS = new Set([
  'killed', 'killing', 'kills', 'kill', 'executed', 'executing', 'massacred', 'massacring', 'murdered', 'murdering',
  'assassinated', 'assassinating', 'slaughtered', 'slaughtering', 'beheaded', 'lynched', 'fatalities', 'fatality',
  ...FIELD_KILL_WORDS,
]);
const BE_FORMS = new Set(['was', 'were', 'been', 'being', 'be', 'is', 'are', 'got', 'get']);
// A count next to these is of the wounded, captured or missing, not the dead; the search stops there.
const NOT_DEATH = new Set([
  'wounded', 'injured', 'injuring', 'wounding', 'hurt', 'missing', 'arrested', 'abducted', 'kidnapped', 'captured',
  'detained', 'injuries', 'wounds', 'hostages', 'hostage', 'displaced', 'rescued', 'freed', 'released', 'arrest',
]);
// Words a count may stand apart from its death word by: "21 militants were estimated to have been killed".
const SKIPPABLE = /^[a-z][a-z'-]*$/;
/** "and", or its sign in terse reports ("5 jihadists & one soldier killed"). */
function isAnd(tok: Token | undefined): boolean {
  return tok !== undefined && (tok.lower === 'and' || tok.text === '&');
}
/** A wound or capture word coordinated with a death word ("kidnapped and killed") does not end the search. */
function stopsSearch(tokens: Token[], k: number): boolean {
  return NOT_DEATH.has(tokens[k].lower) && tokens[k + 1]?.lower !== 'and' && !participleAdjunct(tokens, k);
}
/** "eight men abducted by Dozos ... were found dead": a participle with its agent describes the subject. */
function participleAdjunct(tokens: Token[], k: number): boolean {
  return tokens[k + 1]?.lower === 'by' && !BE_FORMS.has(tokens[k - 1]?.lower ?? '') && numberAt(tokens[k - 1]) === null;
}
// The count of a death word's subject stops at a verb of another clause: "two gunmen ... shot dead a man",
// "three witnesses said the man died".
const LEFT_STOP = new Set([
  'shot', 'attacked', 'ambushed', 'opened', 'fired', 'stormed', 'raided', 'said', 'says', 'say', 'told', 'stated',
  'claimed', 'claims', 'announced', 'killed', 'executed', 'murdered', 'assassinated',
]);
// Words that open a singular noun phrase after "and": "and a gendarme", "and another civilian", "and his son".
const SINGULAR_GROUP_START = new Set(['a', 'an', 'another', 'his', 'her']);
const QUOTES = new Set(['"', '“', '”', "'"]);
const STOP = new Set([',', ';', ':', '.', '(', ')', '"', '—', '–', '?', '!', 'but', 'while', 'whereas', 'after', 'before', 'when', 'which', 'who']);
// "a civilian was killed", "killing the imam": one death when no count is given.
const ONE_PERSON = new Set([
  'civilian', 'soldier', 'man', 'woman', 'child', 'boy', 'girl', 'person', 'individual', 'imam', 'chief', 'shepherd', 'herder',
  'farmer', 'trader', 'merchant', 'gendarme', 'policeman', 'officer', 'militant', 'assailant', 'attacker', 'councilor',
  'councillor', 'mayor', 'teacher', 'driver', 'member', 'leader', 'resident', 'villager', 'student', 'youth', 'peacekeeper',
  'fighter', 'jihadist', 'rebel', 'suspect', 'informant', 'commander', 'official', 'customs', 'guard', 'pupil', 'schoolboy',
  'elder', 'marabout', 'priest', 'pastor', 'catechist', 'nurse', 'doctor', 'journalist', 'worker', 'bomber', 'gunman',
  'combatant', 'militiaman', 'dozo', 'vigilante', 'brother', 'son', 'father', 'husband', 'wife', 'daughter', 'deputy',
  'head', 'prefect', 'sergeant', 'lieutenant', 'captain', 'colonel', 'general', 'corporal', 'agent', 'employee',
  'contractor', 'motorist', 'passenger', 'herdsman', 'pastoralist', 'fisherman', 'hunter', 'miner', 'thief',
  'robber', 'bandit', 'terrorist', 'insurgent', 'helmet', 'teenager', 'adolescent', 'infant', 'baby', 'victim',
  'councilman', 'administrator', 'veterinarian', 'secretary', 'pilot', 'activist', 'notable', 'trafficker', 'smuggler',
  'preacher', 'cleric', 'guide', 'shopkeeper', 'tourist', 'national', 'citizen', 'policewoman', 'principal', 'bystander',
  'onlooker', 'relative', 'cousin', 'uncle', 'nephew', 'mother', 'sister', 'inmate', 'prisoner', 'detainee', 'sub-officer',
  'mechanic', 'parishioner', 'trucker', 'chauffeur',
]);
const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
// After an active death verb these start no object: "1 soldier killed and 4 wounded", "killed in Gao".
const NOT_OBJECT = new Set([
  'and', 'or', 'in', 'on', 'by', 'during', 'when', 'while', 'after', 'before', 'near', 'following', 'since', 'overnight',
  'yesterday', 'today', 'with', 'for', 'from', 'inside', 'outside', 'between', 'as', 'at', 'along', 'last', 'this', 'early',
  'late', 'later', 'earlier', 'instantly', 'immediately',
]);
const SINGULAR_DETERMINERS = new Set(['a', 'an', 'one', 'the', 'another', 'his', 'their', 'its', 'her']);
const PLURAL_PEOPLE = new Set([
  'people', 'men', 'women', 'children', 'police', 'policemen', 'troops', 'persons', 'militiamen', 'others', 'dozens',
  ...[...ONE_PERSON].map((w) => `${w}s`),
]);
// "no casualties", "no one was killed", "without casualties".
const NONE_WORDS = new Set(['no', 'without', 'nobody', 'zero']);

export interface FatalityMention {
  count: number;
  /** Token index of the death word. */
  at: number;
  /** Counted inside a total already given ("including 5 militants"): not added again. */
  subset: boolean;
  /** A revised total ("the death toll rose to 13"): replaces what was counted before it. */
  revised: boolean;
  /** Said to be more deaths ("2 more died", "three others were killed"): never the same deaths as an equal count. */
  additional?: boolean;
}

function numberAt(tok: Token | undefined): number | null {
  if (!tok) return null;
  const t = tok.lower.replace(/,/g, '');
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    // Years are not counts.
    return n >= 1900 && n <= 2100 && t.length === 4 ? null : n;
  }
  return NUMBER_WORDS[t] ?? null;
}

/** The number at j, joined with a multiplier before it: "two hundred", "3 dozen". */
function countAt(tokens: Token[], j: number, start: number): number | null {
  const v = numberAt(tokens[j]);
  if (v === null) return null;
  // "19h", "60 km": a time or distance, not people.
  const next = tokens[j + 1]?.lower ?? '';
  if (/^(km|kms|kilometers|kilometres|miles|m|h|hours|days|years|months|weeks|percent|%|am|pm|o'clock|-|\/)$/.test(next)) return null;
  // "13 December", "July 18": a date.
  if (MONTHS.has(next) || MONTHS.has(tokens[j - 1]?.lower ?? '')) return null;
  const prev = j > start ? numberAt(tokens[j - 1]) : null;
  if (prev !== null && (v === 100 || v === 12 || v === 1000)) return prev * v;
  return v;
}

/** A further group joined by "and" or a comma to the left of a count: "5 soldiers and 3 civilians". */
function groupsLeftOf(tokens: Token[], j: number, start: number): number {
  let extra = 0;
  let k = j - 1;
  for (let groups = 0; groups < 4; groups++) {
    if (k < start || !(isAnd(tokens[k]) || tokens[k].text === ',')) break;
    // "and" may follow a comma: "3 soldiers, 2 militants and 1 civilian"
    let m = k - 1;
    // Nouns and modifiers between the joiner and the earlier count.
    let steps = 0;
    while (m >= start && steps < 4 && numberAt(tokens[m]) === null && tokens[m].lower !== 'a' && tokens[m].lower !== 'an' && SKIPPABLE.test(tokens[m].lower) && !NOT_DEATH.has(tokens[m].lower) && !DEATH_WORDS.has(tokens[m].lower)) {
      m--;
      steps++;
    }
    const v = m >= start ? countAt(tokens, m, start) : null;
    if (v === null && steps > 0 && m >= start && (tokens[m].lower === 'a' || tokens[m].lower === 'an') && ONE_PERSON.has(tokens[k - 1].lower)) {
      // "A peacekeeper and two children were killed": a singular group before the count.
      extra += 1;
      k = m - 1;
      continue;
    }
    if (v === null || steps === 0) break;
    extra += v;
    k = m - 1;
  }
  return extra;
}

/** Further groups to the right of a count: "killing five soldiers and three civilians", "7 soldiers, 2 militants". */
function groupsRightOf(tokens: Token[], j: number, end: number): number {
  let extra = 0;
  let k = j + 1;
  for (let groups = 0; groups < 4; groups++) {
    let steps = 0;
    while (k < end && steps < 4 && SKIPPABLE.test(tokens[k].lower) && !isAnd(tokens[k]) && !NOT_DEATH.has(tokens[k].lower) && numberAt(tokens[k]) === null) {
      k++;
      steps++;
    }
    if (k >= end || !(isAnd(tokens[k]) || tokens[k].text === ',')) break;
    let m = k + 1;
    if (tokens[m]?.lower === 'and') m++;
    const v = m < end ? countAt(tokens, m, 0) : null;
    if (v === null) break;
    // "killing 5 soldiers and 3 wounded": the second count is of the wounded.
    let n = m + 1;
    let s2 = 0;
    while (n < end && s2 < 7 && SKIPPABLE.test(tokens[n].lower) && !NOT_DEATH.has(tokens[n].lower) && !DEATH_WORDS.has(tokens[n].lower)) {
      n++;
      s2++;
    }
    if (n < end && NOT_DEATH.has(tokens[n].lower)) break;
    extra += v;
    k = m + 1;
  }
  return extra;
}

/** The count to the left of a death word ("12 soldiers were killed"), with its joined groups; null if none. */
function countLeft(tokens: Token[], i: number, start: number): { n: number; subset: boolean } | null {
  // Singular groups between the count and the death word: "two gunmen and a gendarme were killed".
  let singles = 0;
  for (let j = i - 1; j >= Math.max(start, i - 10); j--) {
    const low = tokens[j].lower;
    if ((isAnd(tokens[j]) || low === ',') && SINGULAR_GROUP_START.has(tokens[j + 1]?.lower ?? '')) singles++;
    const v = countAt(tokens, j, start);
    if (v !== null) {
      // "eight others including two children": the count before "including" is the total.
      if (tokens[j - 1]?.lower === 'including') {
        for (let k = j - 2; k >= Math.max(start, j - 5); k--) {
          const total = countAt(tokens, k, start);
          if (total !== null) return { n: total + groupsLeftOf(tokens, k, start), subset: false };
          if (STOP.has(tokens[k].lower) || !SKIPPABLE.test(tokens[k].lower)) break;
        }
      }
      const before = tokens[j - 1]?.lower ?? '';
      const before2 = tokens[j - 2]?.lower ?? '';
      // "including 5 militants", "one of the Islamists killed": part of a count already given.
      // "one of them", "one of the Islamists killed was ...": a part of a count given before.
      const partOf =
        tokens[j + 1]?.lower === 'of' && (/^(them|those|whom|which)$/.test(tokens[j + 2]?.lower ?? '') || /^(was|were|is|are)$/.test(tokens[i + 1]?.lower ?? ''));
      const subset = (j - 1 >= start && (before === 'including' || before2 === 'including' || before === 'among')) || partOf;
      return { n: v + singles + groupsLeftOf(tokens, j, start), subset };
    }
    // Quotes around a noun do not end its phrase: 2 "jihadists" killed.
    if (low === '"' || low === '“' || low === '”') continue;
    if (STOP.has(low) || stopsSearch(tokens, j) || DEATH_WORDS.has(low) || (LEFT_STOP.has(low) && j < i - 1) || !SKIPPABLE.test(low)) return null;
  }
  return null;
}

/**
 * Victims named after position `k` in "and"/comma groups that end the clause: "killed and one soldier.",
 * "killing themselves and at least two civilians in an attack". Each group is a count or a singular determiner,
 * up to two modifiers and a person noun; 0 when none.
 */
function afterVictims(tokens: Token[], k: number, end: number): number {
  let n = 0;
  let j = k + 1;
  for (let groups = 0; groups < 4 && j < end; groups++) {
    if (!(isAnd(tokens[j]) || tokens[j].text === ',')) break;
    j++;
    if (isAnd(tokens[j])) j++;
    if (tokens[j]?.lower === 'at' && tokens[j + 1]?.lower === 'least') j += 2;
    const v = countAt(tokens, j, 0) ?? (SINGULAR_GROUP_START.has(tokens[j]?.lower ?? '') ? 1 : null);
    if (v === null) break;
    let h = j + 1;
    // Modifiers, not participles: "two taken prisoner" is no victim.
    while (h < Math.min(end, j + 3) && !ONE_PERSON.has(tokens[h].lower) && !PLURAL_PEOPLE.has(tokens[h].lower) && SKIPPABLE.test(tokens[h].lower) && !/(?:ed|en)$/.test(tokens[h].lower)) h++;
    if (h >= end || !(ONE_PERSON.has(tokens[h].lower) || PLURAL_PEOPLE.has(tokens[h].lower))) break;
    n += v;
    j = h + 1;
  }
  // The list must end the clause: "..., 7 peacekeepers and two civilians had been wounded" names the wounded.
  // A verb after the list makes it the subject of another clause: "and 20 people were taken captive".
  const next = tokens[j]?.lower;
  return next === undefined || j >= end || STOP.has(next) || /^(in|on|at|near|during|when|while|by)$/.test(next) ? n : 0;
}

/** Is one of `words` among tokens [from, at)? */
function wordBefore(tokens: Token[], at: number, from: number, words: ReadonlySet<string>): boolean {
  for (let j = at - 1; j >= from; j--) if (words.has(tokens[j].lower)) return true;
  return false;
}

/** A passive subject set off by an aside: "9 traders, most of whom were Bozo, were killed". */
function countBeforeAside(tokens: Token[], i: number, start: number): number | null {
  for (let j = i - 1; j >= Math.max(start, i - 18); j--) {
    const low = tokens[j].lower;
    const v = countAt(tokens, j, start);
    if (v !== null) return tokens[j + 1]?.lower === 'of' ? null : v;
    if (low === '.' || low === ';' || low === ':' || low === 'while' || low === 'whereas' || ANIMALS.has(low) || (NOT_DEATH.has(low) && !participleAdjunct(tokens, j)) || DEATH_WORDS.has(low) || LEFT_STOP.has(low)) return null;
  }
  return null;
}

/** The count to the right of a death word ("killing at least 22 members"); null if none. */
function countRight(tokens: Token[], i: number, end: number): { n: number; subset: boolean } | null {
  let subset = false;
  for (let j = i + 1; j < Math.min(end, i + 6); j++) {
    const low = tokens[j].lower;
    const v = countAt(tokens, j, 0);
    if (v !== null) {
      // "one gendarme killed, two wounded": the count after belongs to the wounded.
      const after = tokens[j + 1]?.lower ?? '';
      // "14 displaced people": the word describes the dead, it does not count others.
      const describes = PLURAL_PEOPLE.has(tokens[j + 2]?.lower ?? '');
      if ((NOT_DEATH.has(after) && !describes) || (after !== 'and' && after !== ',' && NOT_DEATH.has(tokens[j + 2]?.lower ?? ''))) return null;
      return { n: v + groupsRightOf(tokens, j, end), subset };
    }
    if (low === 'including' || low === 'among') subset = true;
    // "Fatalities: 7 soldiers"; "killing \"at least 100 soldiers\"".
    if ((low === ':' && j === i + 1) || QUOTES.has(low)) continue;
    if (STOP.has(low) || NOT_DEATH.has(low) || !SKIPPABLE.test(low)) return null;
  }
  return null;
}

/**
 * Singular victims named beside the death word: "a civilian was killed" (1), "killing the imam" (1), "a councilor
 * and his son were killed" (2), "killed a police officer, a guard and a tourist" (3). 0 when none.
 */
function singleVictims(tokens: Token[], i: number, start: number, end: number, right: boolean): number {
  const isOne = (k: number) => {
    const w = tokens[k].lower;
    // The object of a killing verb is a person whatever the noun: "shot dead a veterinarian".
    if (right && SINGULAR_DETERMINERS.has(tokens[k - 1]?.lower ?? '') && k - 1 > i && (k - 2 === i || /^(and|,)$/.test(tokens[k - 2]?.lower ?? '')) && SKIPPABLE.test(w) && !PLURAL_PEOPLE.has(w) && !/^(number|group|dozen|few|total|third|second|unknown|unspecified|undetermined|undisclosed)$/.test(w) && !SINGULAR_DETERMINERS.has(w)) return true;
    if (!ONE_PERSON.has(w)) return false;
    // "killed forest guard", "assassinated local elected leader Ag Mohamedoun": a bare singular noun as the object.
    if (right && k - i <= 4) {
      let bare = true;
      for (let b = i + 1; b < k && bare; b++) bare = /^[a-z][a-z-]*$/.test(tokens[b].text) && !SINGULAR_DETERMINERS.has(tokens[b].lower) && !PLURAL_PEOPLE.has(tokens[b].lower) && numberAt(tokens[b]) === null && !NOT_OBJECT.has(tokens[b].lower);
      if (bare) return true;
    }
    // A singular determiner before the noun, or the noun opens the sentence ("Soldier assassinated overnight").
    for (let d = k - 1; d >= k - 4; d--) {
      if (d < start) return true;
      const lw = tokens[d].lower;
      if (SINGULAR_DETERMINERS.has(lw)) return true;
      if (lw === '.' || lw === ':') return true;
      if (!SKIPPABLE.test(lw) || STOP.has(lw)) return false;
    }
    return false;
  };
  // One victim per noun phrase: "the MSA deputy chief" is one person; "and" or a comma opens the next phrase.
  let n = 0;
  let open = true;
  if (right) {
    for (let k = i + 1; k < Math.min(end, i + 14); k++) {
      const w = tokens[k].lower;
      // A list of victims runs on over commas: "a police officer, a security guard, and a Belgian citizen".
      if (w === ',' && /^(a|an|and|the)$/.test(tokens[k + 1]?.lower ?? '')) {
        open = true;
        continue;
      }
      if (STOP.has(w) || NOT_DEATH.has(w)) break;
      if (w === 'and') {
        // "killed a Dozo and recovered cattle": a verb after "and" ends the list of victims.
        const nx = tokens[k + 1]?.lower ?? '';
        if (!SINGULAR_DETERMINERS.has(nx) && !ONE_PERSON.has(nx) && numberAt(tokens[k + 1]) === null) break;
        open = true;
      } else if (open && isOne(k)) {
        n++;
        open = false;
      }
    }
    return n;
  }
  for (let k = i - 1; k >= Math.max(start, i - 10); k--) {
    const w = tokens[k].lower;
    if (STOP.has(w) || stopsSearch(tokens, k)) break;
    if (w === 'and') open = true;
    else if (open && isOne(k)) {
      n++;
      open = false;
    }
  }
  return n;
}

// Words before a killing noun that make it the cause of a protest or a demand.
const CAUSE_WORDS = new Set([
  'against', 'over', 'about', 'for', 'demanding', 'demand', 'demands', 'demanded', 'protest', 'protesting', 'protested',
  'denounce', 'denouncing', 'denounced', 'condemn', 'condemning', 'condemned', 'mourn', 'mourning', 'investigation',
  'investigate', 'justice', 'following', 'after', 'calls', 'accused', 'anniversary', 'commemorate', 'commemorating',
  'avenge', 'revenge', 'retaliation', 'reprisal', 'memory', 'tribute', 'honour', 'honor',
]);
// Animals killed are no fatalities: "several of their livestock were killed".
const ANIMALS = new Set(['livestock', 'cattle', 'cows', 'camels', 'goats', 'sheep', 'animals', 'donkeys', 'horses', 'herd', 'herds']);
const ATTEMPT = new Set(['nearly', 'almost', 'attempted', 'tried', 'attempt', 'attempting', 'trying', 'plotted', 'threatened']);
const NOT_A_LIFE = new Set(['coup', 'plan', 'plot', 'operation', 'order', 'orders', 'mission', 'attack', 'raid', 'search', 'warrant', 'contract', 'project', 'program', 'programme', 'decision']);
const INTRANSITIVE_DEATH = new Set(['died', 'succumbed', 'perished']);
const LATER = new Set(['later', 'subsequently', 'then', 'eventually', 'also', 'reportedly', 'allegedly']);
// Nouns for a killing, counted only with a count of their own: "the death of seven militants", "three deaths";
// "protesting the death of a student" reports an earlier death, not one in this event.
const DEATH_NOUNS = new Set(['death', 'deaths', 'murder', 'murders', 'execution', 'executions', 'killing', 'killings']);

const TOLL_NOUNS = new Set(['fatalities', 'fatality', 'casualties', 'deaths']);
const MORE_WORDS = new Set(['more', 'other', 'others', 'additional', 'further', 'also']);
// "the bodies of two herders", "the remains of six men": the count after "of" is of the dead.
const BODY_NOUNS = new Set(['bodies', 'corpses', 'remains']);
// Words that can open a statement of deaths: the scan skips every other token with one look-up.
const OPENERS = new Set([...DEATH_WORDS, ...DEATH_NOUNS, ...BODY_NOUNS, 'toll', 'casualties', 'casualty', 'coded', 'out']);

/** Every statement of deaths in tokens[start, end), in order. */
export function fatalityMentions(tokens: Token[], start: number, end: number): FatalityMention[] {
  const out: FatalityMention[] = [];
  const push = (count: number, at: number, subset = false, revised = false) => {
    // "2 more died", "three others were also killed": deaths beyond those counted before.
    const additional = wordBefore(tokens, at, Math.max(start, at - 4), MORE_WORDS);
    out.push(additional ? { count, at, subset, revised, additional } : { count, at, subset, revised });
  };
  for (let i = start; i < end; i++) {
    const low = tokens[i].lower;
    // One look-up decides for most tokens: only these words can open a statement of deaths.
    if (!OPENERS.has(low)) continue;
    const prev = i > start ? tokens[i - 1].lower : '';
    if (BODY_NOUNS.has(low) && tokens[i + 1]?.lower === 'of') {
      const v = countAt(tokens, i + 2, start) ?? countAt(tokens, i + 3, start);
      if (v !== null) {
        push(v, i);
        continue;
      }
    }
    // "left 20 jihadis out of combat": the military's phrase for killed.
    if (low === 'out' && tokens[i + 1]?.lower === 'of' && tokens[i + 2]?.lower === 'combat') {
      const left = countLeft(tokens, i, start);
      if (left) push(left.n, i, left.subset);
      continue;
    }
    if (low === 'toll' || ((low === 'fatalities' || low === 'fatality' || low === 'deaths') && tokens[i + 1]?.text === ':')) {
      // "the death toll rose to 13", "Fatalities: 7 soldiers, 2 assailants": a total, replacing what came before.
      for (let j = i + 1; j < Math.min(end, i + 8); j++) {
        const v = countAt(tokens, j, start);
        if (v !== null) {
          push(v + groupsRightOf(tokens, j, end), i, false, true);
          // "the toll is one dead", "toll: 2 soldiers and 3 assailants killed": the death word repeats the toll.
          for (let k = j + 1; k < Math.min(end, j + 10); k++) {
            if (DEATH_WORDS.has(tokens[k].lower)) {
              i = k;
              break;
            }
            if (STOP.has(tokens[k].lower) || NOT_DEATH.has(tokens[k].lower)) break;
          }
          break;
        }
        if (STOP.has(tokens[j].lower) && tokens[j].lower !== ':') break;
      }
      continue;
    }
    // "unknown fatalities coded as 10": the count a coder chose stands for the toll.
    if (TOLL_NOUNS.has(low) && tokens[i + 1]?.lower === 'coded') continue;
    if (low === 'coded' && tokens[i + 1]?.lower === 'as' && (TOLL_NOUNS.has(prev) || prev === 'dead')) {
      const v = countAt(tokens, i + 2, start);
      if (v !== null) push(v, i, false, true);
      continue;
    }
    if (low === 'casualties' || low === 'casualty') {
      // Only "no casualties" is read: casualties elsewhere mixes the dead and the wounded.
      if (NONE_WORDS.has(prev)) push(0, i);
      continue;
    }
    // "beat to death an electrician": "to death" after a verb reads like "killed".
    const toDeath = low === 'death' && prev === 'to';
    const noun = !toDeath && DEATH_NOUNS.has(low) && (low !== 'killing' || SINGULAR_DETERMINERS.has(prev) || tokens[i + 1]?.lower === 'of');
    if (!DEATH_WORDS.has(low) && !noun) continue;
    // "among those killed was ...": a name from a count already given; "left him for dead" is no death.
    if (prev === 'those' || (low === 'dead' && prev === 'for')) continue;
    // "three youth who were killed by police in 1990", "Zongo, who was killed": an earlier death the report refers to.
    const who = (k: number) => /^(who|whom)$/.test(tokens[k]?.lower ?? '');
    if ((who(i - 2) && BE_FORMS.has(prev)) || (who(i - 3) && (BE_FORMS.has(prev) || BE_FORMS.has(tokens[i - 2]?.lower ?? '')))) continue;
    // "nearly lynched", "tried to kill": an attempt, not a death.
    if (ATTEMPT.has(prev) || (prev === 'to' && ATTEMPT.has(tokens[i - 2]?.lower ?? ''))) continue;
    // "executed a coup", "executed the plan": the verb's other sense.
    if (low.startsWith('execut') && NOT_A_LIFE.has(tokens[i + 2]?.lower ?? '') && SINGULAR_DETERMINERS.has(tokens[i + 1]?.lower ?? '')) continue;
    // "a gendarme who later died of his wounds": the one named before "who" died in this event.
    if (INTRANSITIVE_DEATH.has(low) && (who(i - 1) || (who(i - 2) && LATER.has(prev)))) {
      if (wordBefore(tokens, i - 1, Math.max(start, i - 7), CAUSE_WORDS)) continue;
      // "who" stands for the one noun phrase before it: its count, else one person.
      const left = countLeft(tokens, who(i - 1) ? i - 1 : i - 2, start);
      push(left ? left.n : 1, i, left?.subset ?? false);
      continue;
    }
    // "death threats", "sentenced to death" are no deaths.
    if (low === 'death' && /^(threats?|sentence|penalty|row|squad)$/.test(tokens[i + 1]?.lower ?? '')) continue;
    if (low === 'death' && prev === 'to' && /^(sentenced|condemned)$/.test(tokens[i - 2]?.lower ?? '')) continue;
    // "no one was killed", "nobody died", "no deaths".
    let none = false;
    for (let j = i - 1; j >= Math.max(start, i - 4); j--) {
      const w = tokens[j].lower;
      if (NONE_WORDS.has(w) || (w === 'one' && tokens[j - 1]?.lower === 'no')) {
        none = true;
        break;
      }
      if (STOP.has(w)) break;
    }
    if (none) {
      push(0, i);
      continue;
    }
    if (noun) {
      // "protesting against the killing of a student", "demanding justice for the murder of": the death the people
      // protest, an earlier event, not one in this report.
      if (wordBefore(tokens, i, Math.max(start, i - 4), CAUSE_WORDS)) continue;
      // "the death of seven militants", "three deaths", "the killing of 4 people".
      const left = countLeft(tokens, i, start);
      const of = tokens[i + 1]?.lower === 'of' ? (countAt(tokens, i + 2, start) ?? countAt(tokens, i + 3, start)) : null;
      if (left) push(left.n, i, left.subset);
      else if (of !== null) push(of, i);
      else if (tokens[i + 1]?.lower === 'of' && low !== 'death' && low !== 'deaths') {
        // "the killing of an ISGS commander and a member of his guard": one per person named.
        const ones = singleVictims(tokens, i + 1, start, end, true);
        if (ones) push(ones, i);
      }
      continue;
    }
    const passive = BE_FORMS.has(prev) || BE_FORMS.has(tokens[i - 2]?.lower ?? '');
    const nextLow = tokens[i + 1]?.lower ?? '';
    const takesObject =
      i + 1 < end && !STOP.has(nextLow) && !(NOT_OBJECT.has(nextLow) && !(nextLow === 'at' && tokens[i + 2]?.lower === 'least'));
    // "shot dead a man" reads like "killed a man".
    const activeVerb = (ACTIVE_DEATH_VERBS.has(low) || (low === 'dead' && prev === 'shot') || toDeath) && !passive && takesObject;
    // "Two suicide bombers killed themselves and two civilians": the doers' count, and whoever follows.
    if (nextLow === 'themselves') {
      let doers: number | null = null;
      for (let j = i - 1; j >= start && doers === null; j--) doers = countAt(tokens, j, start);
      push((doers ?? 1) + afterVictims(tokens, i + 1, end), i);
      continue;
    }
    let found = activeVerb ? countRight(tokens, i, end) : countLeft(tokens, i, start);
    // "27 rebels were killed and one soldier": a group named after the death word.
    if (found && !activeVerb) found = { n: found.n + afterVictims(tokens, i, end), subset: found.subset };
    // An active verb with a singular object has no count to its left: "2 armed men killed an off-duty policeman".
    const objectOnes = activeVerb && !found ? singleVictims(tokens, i, start, end, true) : 0;
    if (objectOnes) {
      push(objectOnes, i);
      continue;
    }
    found ??= activeVerb ? countLeft(tokens, i, start) : takesObject ? countRight(tokens, i, end) : null;
    if (found) {
      push(found.n, i, found.subset);
      continue;
    }
    const aside = passive ? countBeforeAside(tokens, i, start) : null;
    if (aside !== null) {
      push(aside, i);
      continue;
    }
    const ones = singleVictims(tokens, i, start, end, activeVerb) || (activeVerb ? 0 : takesObject ? singleVictims(tokens, i, start, end, true) : 0);
    if (ones) {
      push(ones, i);
      continue;
    }
    // "X was killed", "he died", "killed Baba Ag Adobent": one person.
    let one = false;
    for (let j = i - 1; j >= Math.max(start, i - 3) && !one; j--) {
      const w = tokens[j].lower;
      if (w === 'was' || w === 'he' || w === 'she' || w === 'him' || w === 'her') one = true;
      else if (!SKIPPABLE.test(w) || STOP.has(w) || stopsSearch(tokens, j)) break;
    }
    if (!one && activeVerb) {
      // A name follows: "killed Baba Ag Adobent", "assassinated GATIA field commander Mohamed ...".
      one = /^\p{Lu}/u.test(tokens[i + 1]?.text ?? '');
      for (let k = i + 1; k < Math.min(end, i + 5) && one; k++) if (PLURAL_PEOPLE.has(tokens[k].lower)) one = false;
    }
    // "[An agent of the forestry service] killed by unknown gunmen": someone was killed, though not counted.
    if (!one && !activeVerb && nextLow === 'by' && (low === 'killed' || low === 'assassinated' || low === 'murdered' || low === 'executed')) one = true;
    if (one) push(1, i);
  }
  return out;
}

/**
 * The deaths a set of statements reports: separate statements add up, a subset of a total already counted does
 * not, a revised toll replaces the count so far, and a count repeated in a later sentence ("three people were
 * killed ... caused three deaths") is the same deaths. `sentenceOf` gives a statement's sentence. Null when
 * nothing is said about deaths.
 */
export function countFatalities(mentions: readonly FatalityMention[], sentenceOf: (at: number) => number = () => 0): number | null {
  if (!mentions.length) return null;
  let total = 0;
  const seen = new Map<number, number>();
  for (const m of mentions) {
    if (m.revised) {
      total = Math.max(total, m.count);
      continue;
    }
    // A part of a total counts only when no total came before it ("Two of the rioters died").
    if (m.subset && total > 0) continue;
    const s = sentenceOf(m.at);
    const earlier = seen.get(m.count);
    if (m.count > 0 && earlier !== undefined && earlier !== s && !m.additional) continue;
    if (!seen.has(m.count)) seen.set(m.count, s);
    total += m.count;
  }
  return total;
}

// Before a death in a protest report, these make it the protest's cause or an earlier event: "burned the post
// after gendarmes killed a resident", "rumours that a leader had been killed", "a car which killed a motorcyclist".
const PROTEST_CAUSE = new Set([...CAUSE_WORDS, 'which', 'rumors', 'rumours', 'rumor', 'rumour', 'earlier']);

/** In a protest or riot report, is the death at `at` the cause of the protest rather than a death in it? */
function protestCause(tokens: Token[], sentenceStart: number, at: number): boolean {
  return wordBefore(tokens, at, Math.max(sentenceStart, at - 8), PROTEST_CAUSE);
}

export function findFatalities(tokens: Token[], start: number, end: number): number | null {
  return countFatalities(fatalityMentions(tokens, start, end));
}

/** The deaths a whole report states, over its sentences (see countFatalities); null when it states none. */
export function reportFatalities(
  tokens: Token[],
  sentences: ReadonlyArray<{ tokenStart: number; tokenEnd: number }>,
  options: { protest?: boolean } = {},
): number | null {
  const mentions: FatalityMention[] = [];
  const sentenceAt = new Map<number, number>();
  sentences.forEach((s, k) => {
    for (const m of fatalityMentions(tokens, s.tokenStart, s.tokenEnd)) {
      if (options.protest && protestCause(tokens, s.tokenStart, m.at)) continue;
      mentions.push(m);
      sentenceAt.set(m.at, k);
    }
  });
  return countFatalities(mentions, (at) => sentenceAt.get(at) ?? 0);
}
