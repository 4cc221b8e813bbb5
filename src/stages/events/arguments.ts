// Who did it and to whom: picks the source and target actor of an event phrase from the actor mentions of
// its sentence, using word order, prepositions, passive voice and coordination ("X and Y met").
import type { ActorMention, Token } from '../../core/types.js';
import { tokenIndexAt } from '../segment/segment.js';
import { clauseStart } from './modality.js';

export interface Arguments {
  source: ActorMention | null;
  target: ActorMention | null;
  /** Other actors coordinated with the source ("Mali, Burkina Faso and Guinea expressed support"). */
  coSources: ActorMention[];
  passive: boolean;
  reasons: string[];
}

const PREPOSITIONS = new Set([
  'in', 'of', 'to', 'with', 'from', 'for', 'against', 'by', 'on', 'at', 'about', 'between', 'among', 'including',
  'like', 'than', 'over', 'into', 'toward', 'towards', 'across', 'within', 'upon', 'via', 'amid', 'despite',
  'through', 'under', 'near', 'behind', 'beyond', 'throughout', 'onto', 'without', 'such', 'following',
]);
const QUANTITY_NOUNS = new Set([
  'group', 'groups', 'delegation', 'members', 'member', 'team', 'number', 'dozens', 'hundreds', 'thousands', 'scores',
  'tens', 'millions', 'band', 'column', 'unit', 'units', 'contingent', 'coalition', 'crowd', 'crowds', 'some', 'many',
  'several', 'most', 'all', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'one',
]);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got', 'gets', "'s"]);
// Words that end the stretch in which a target is looked for.
const TARGET_STOP = new Set([';', '.', ':', '—', 'while', 'whereas', 'but', 'although', 'because', 'which', 'who', 'whom', 'after', 'before', 'when', 'where', 'if', 'unless', 'as']);
const SYMMETRIC = new Set(['CONSULT', 'AGREE', 'COOPERATE']);
// A determiner before the event word makes it a noun ("any aggression", "the termination of").
const DETERMINERS = new Set(['a', 'an', 'the', 'any', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'new', 'further', 'fresh', 'more', 'no', 'such', 'possible', 'potential']);
// Verbs that carry a nominal event: "announced the termination of", "carried out an attack".
const LIGHT_VERBS = new Set([
  'announce', 'announced', 'announces', 'announcing', 'order', 'ordered', 'orders', 'decide', 'decided', 'declare',
  'declared', 'declares', 'confirm', 'confirmed', 'confirms', 'approve', 'approved', 'complete', 'completed', 'begin',
  'began', 'begun', 'start', 'started', 'starts', 'make', 'made', 'makes', 'conduct', 'conducted', 'conducts', 'launch',
  'launched', 'launches', 'carry', 'carried', 'carries', 'out', 'stage', 'staged', 'mount', 'mounted', 'hold', 'held',
  'holds', 'sign', 'signed', 'impose', 'imposed', 'imposes', 'issue', 'issued', 'issues', 'give', 'gave', 'offer',
  'offered', 'extend', 'extended', 'provide', 'provided', 'provides', 'express', 'expressed', 'expresses', 'voice',
  'voiced', 'file', 'filed', 'lodge', 'lodged', 'call', 'called', 'calls', 'pay', 'paid', 'deliver', 'delivered',
]);

/** The event word is a noun with no verb of its own to carry a subject ("any aggression against Niger"). */
function isBareNominal(tokens: Token[], first: number, sentStart: number): boolean {
  const prev = tokens[first - 1];
  if (!prev || first - 1 < sentStart || !DETERMINERS.has(prev.lower)) return false;
  const before = tokens[first - 2];
  return !(before && first - 2 >= sentStart && LIGHT_VERBS.has(before.lower));
}

function isParticiple(tok: Token): boolean {
  return /(?:ed|en|wn|ne|ld|nt|ut|ck|ht|et|ld|ung|own)$/.test(tok.lower);
}

/** The word before the mention, skipping determiners and modifiers, is a preposition. */
function governedByPreposition(tokens: Token[], m: ActorMention, firstTok: number): boolean {
  for (let i = firstTok - 1; i >= Math.max(0, firstTok - 3); i--) {
    const low = tokens[i].lower;
    if (low === 'the' || low === 'a' || low === 'an' || low === 'its' || low === 'their' || low === 'his' || low === 'her') continue;
    // "a group of Moroccan diplomats", "hundreds of protesters": the "of" phrase is the real subject.
    if (low === 'of' && QUANTITY_NOUNS.has(tokens[i - 1]?.lower ?? '')) return false;
    return PREPOSITIONS.has(low);
  }
  return false;
}


/** Mentions joined to `m` by "and" or commas, on either side. */
function coordinated(tokens: Token[], actors: ActorMention[], idx: number, tokIdx: (m: ActorMention) => [number, number]): ActorMention[] {
  const out: ActorMention[] = [];
  const link = (a: ActorMention, b: ActorMention): 'comma' | 'and' | null => {
    const [, aEnd] = tokIdx(a);
    const [bStart] = tokIdx(b);
    const between = tokens.slice(aEnd, bStart).map((t) => t.lower);
    if (between.length === 0 || between.length > 3) return null;
    if (!between.every((w) => w === 'and' || w === ',' || w === 'the' || w === '&')) return null;
    return between.includes('and') || between.includes('&') ? 'and' : 'comma';
  };
  // Extend to the whole list around idx, then accept it only when it is closed by "and" ("X, Y and Z"):
  // "the US, the Nigerien junta" is an apposition or a clause break, not a list.
  let lo = idx;
  let hi = idx;
  while (lo > 0 && link(actors[lo - 1], actors[lo])) lo--;
  while (hi < actors.length - 1 && link(actors[hi], actors[hi + 1])) hi++;
  if (lo === hi || link(actors[hi - 1], actors[hi]) !== 'and') return out;
  for (let j = lo; j <= hi; j++) if (j !== idx) out.push(actors[j]);
  return out;
}

/** Is the mention starting at token `ms` the object of a "by" after the trigger ("by the Malian army")? */
function afterBy(tokens: Token[], ms: number, last: number): boolean {
  let k = ms - 1;
  while (k > last && AGENT_DETERMINERS.has(tokens[k].lower)) k--;
  return k > last && tokens[k].lower === 'by';
}
const AGENT_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'suspected', 'presumed', 'alleged', 'unidentified', 'unknown']);

const PLACE_PREPS = new Set(['in', 'into', 'from', 'to', 'on', 'against', 'across', 'inside', 'over', 'throughout']);

/** The first country or region named after a place preposition later in the trigger's clause, if any. */
function placeAfter(
  tokens: Token[],
  last: number,
  sentEnd: number,
  actors: ActorMention[],
  tokIdx: (m: ActorMention) => [number, number],
): ActorMention | null {
  for (const m of actors) {
    if (m.kind !== 'location' || !m.country) continue;
    const [ms] = tokIdx(m);
    if (ms <= last || ms - last > 10 || ms >= sentEnd) continue;
    let stopped = false;
    for (let i = last + 1; i < ms && !stopped; i++) stopped = TARGET_STOP.has(tokens[i].lower);
    if (stopped) return null;
    let k = ms - 1;
    if (tokens[k]?.lower === 'the') k--;
    if (PLACE_PREPS.has(tokens[k]?.lower ?? '')) return m;
  }
  return null;
}

/**
 * Picks source and target for a trigger spanning tokens [first, last] in a sentence whose tokens are
 * [sentStart, sentEnd). `actors` are the sentence's actor mentions, sorted by start.
 */
export function findArguments(
  tokens: Token[],
  sentStart: number,
  sentEnd: number,
  first: number,
  last: number,
  event: string,
  actors: ActorMention[],
): Arguments {
  const reasons: string[] = [];
  const spans = new Map<ActorMention, [number, number]>();
  const tokIdx = (m: ActorMention): [number, number] => {
    let s = spans.get(m);
    if (!s) {
      s = [tokenIndexAt(tokens, m.start, sentStart, sentEnd), tokenIndexAt(tokens, m.end, sentStart, sentEnd)];
      spans.set(m, s);
    }
    return s;
  };
  const triggerStart = tokens[first].start;
  const triggerEnd = tokens[last].end;
  const usable = actors.filter((m) => m.kind !== 'location' && (m.end <= triggerStart || m.start >= triggerEnd));

  // Passive: "was terminated by X", "were killed": the grammatical subject is the target.
  let passive = false;
  for (let i = first - 1; i >= Math.max(sentStart, first - 3); i--) {
    const low = tokens[i].lower;
    if (low.endsWith('ly')) continue;
    passive = BE_FORMS.has(low) && isParticiple(tokens[first]);
    break;
  }

  // Source: the nearest actor before the trigger that is not inside a prepositional phrase. A bare noun
  // ("any aggression against Niger") takes only a possessor right before it ("Niger's termination of").
  const clause = clauseStart(tokens, first, sentStart);
  const left = usable.filter((m) => m.end <= triggerStart);
  const nominal = isBareNominal(tokens, first, sentStart);
  let subject: ActorMention | null = null;
  if (nominal) {
    const near = left[left.length - 1];
    if (near && /['’]s?$/.test(tokens[tokIdx(near)[1] - 1]?.text ?? '') && first - tokIdx(near)[1] <= 2) {
      subject = near;
      reasons.push('source: possessor of the event noun');
    }
  } else if (first > sentStart && tokens[first - 1].text === ',' && tokens[first].lower.endsWith('ing')) {
    // ", killing two soldiers": a participle clause shares the sentence's subject, not the nearest name
    // ("Gunmen ambushed a patrol near Djibo, Burkina Faso, killing ...").
    subject = left.find((m) => !governedByPreposition(tokens, m, tokIdx(m)[0]) && m.kind !== 'location') ?? null;
    if (subject) reasons.push('source: the subject of the clause the participle hangs on');
  } else {
    for (let k = left.length - 1; k >= 0; k--) {
      const m = left[k];
      if (!governedByPreposition(tokens, m, tokIdx(m)[0])) {
        subject = m;
        break;
      }
    }
  }
  if (!subject && !nominal && left.length) {
    // Possessive frame: "the junta's decision to end", "Niger's termination of".
    const near = left[left.length - 1];
    if (/['’]s?$/.test(tokens[tokIdx(near)[1] - 1]?.text ?? '') && tokIdx(near)[0] >= clause) subject = near;
  }

  // Target: the first actor after the trigger within the clause that is not the source.
  let target: ActorMention | null = null;
  let byAgent: ActorMention | null = null;
  for (const m of usable) {
    if (m.start < triggerEnd) continue;
    const [ms] = tokIdx(m);
    let stopped = false;
    for (let i = last + 1; i < ms; i++) if (TARGET_STOP.has(tokens[i].lower)) stopped = true;
    if (stopped || ms - last > 18) break;
    // "was killed by the Malian army", "an air strike by Niger's army": the agent after "by".
    if ((passive || (nominal && !subject)) && afterBy(tokens, ms, last) && !byAgent) {
      byAgent = m;
      continue;
    }
    if (subject && m.entity === subject.entity) continue;
    // "Blinken reaffirmed US-Niger ties": a country is not a target of its own government's people.
    if (subject && m.kind === 'country' && m.country === subject.country && m.sector === subject.sector) continue;
    if (!target) target = m;
  }
  // A country right after the phrase's own preposition is its target: "stationed in Niger", "arrived in Doha".
  const prep = tokens[last].lower;
  if (prep === 'in' || prep === 'to' || prep === 'from' || prep === 'with' || prep === 'on' || prep === 'against') {
    const after = actors.find((m) => m.kind === 'location' && m.country && tokIdx(m)[0] === last + 1);
    if (after && (!subject || after.country !== subject.country)) {
      target = after;
      reasons.push(`target: the country named right after "${tokens[last].text}"`);
    }
  }

  // The object named inside the phrase itself ("expelled two Russian diplomats", "targeted a MINUSMA convoy").
  if (!target && !passive) {
    const inside = actors.find((m) => m.kind !== 'location' && m.start > triggerStart && m.start < triggerEnd && m.entity !== subject?.entity);
    if (inside) {
      target = inside;
      reasons.push(`target: the actor named inside the event phrase ("${inside.text}")`);
    }
  }
  // No actor after the phrase: a country or region it acts on or in is its target ("lifted a curfew in
  // Montenegro", "strengthened its forces in Lebanon"). Not for meetings: "talks in Geneva" has no partner there.
  if (!target && !passive && event !== 'CONSULT') {
    const place = placeAfter(tokens, last, sentEnd, actors, tokIdx);
    if (place && (!subject || place.country !== subject.country)) {
      target = place;
      reasons.push(`target: the country or region the event is in or on ("${place.text}")`);
    }
  }

  let source = subject;
  if (passive) {
    source = byAgent;
    target = subject ?? target;
    reasons.push(byAgent ? 'passive voice: source is the agent after "by"' : 'passive voice without an agent: source unknown');
  } else if (nominal && !subject && byAgent) {
    source = byAgent;
    reasons.push('source: the agent after "by" of the event noun');
    if (target) reasons.push('target: first actor after the event phrase');
  } else {
    if (source) reasons.push('source: subject before the event phrase');
    if (target) reasons.push('target: first actor after the event phrase');
  }

  // Coordination: "X and Y met" makes Y the partner; "X, Y and Z supported" makes three sources.
  let coSources: ActorMention[] = [];
  if (source && !passive) {
    const idx = actors.indexOf(source);
    const co = idx >= 0 ? coordinated(tokens, actors, idx, tokIdx).filter((m) => m.kind !== 'location') : [];
    if (co.length) {
      // The first conjunct leads: "the US and Niger established relations" codes the US as source.
      const group = [...co, source].sort((a, b) => a.start - b.start);
      const lead = group[0];
      const rest = group.filter((m) => m !== lead && m.entity !== lead.entity && (!target || m.entity !== target.entity));
      source = lead;
      if (!target && SYMMETRIC.has(event) && rest.length === 1) {
        target = rest[0];
        reasons.push('target: coordinated with the source in a joint action');
      } else if (rest.length) {
        coSources = rest;
        reasons.push('sources: coordinated actors each coded');
      }
    }
  }
  if (source && target && source.entity === target.entity) target = null;
  return { source, target, coSources, passive, reasons };
}
