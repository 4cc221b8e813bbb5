// Who did it and to whom: picks the source and target actor of an event phrase from the actor mentions of
// its sentence, using word order, prepositions, passive voice and coordination ("X and Y met").
import type { ActorMention, Token } from '../../core/types.js';
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
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got', 'gets', "'s"]);
// Words that end the stretch in which a target is looked for.
const TARGET_STOP = new Set([';', '.', ':', '—', 'while', 'whereas', 'but', 'although', 'because', 'which', 'who', 'whom', 'after', 'before', 'when', 'where', 'if', 'unless', 'as']);
const SYMMETRIC = new Set(['CONSULT', 'AGREE', 'COOPERATE']);

function isParticiple(tok: Token): boolean {
  return /(?:ed|en|wn|ne|ld|nt|ut|ck|ht|et|ld|ung|own)$/.test(tok.lower);
}

/** The word before the mention, skipping determiners and modifiers, is a preposition. */
function governedByPreposition(tokens: Token[], m: ActorMention, firstTok: number): boolean {
  for (let i = firstTok - 1; i >= Math.max(0, firstTok - 3); i--) {
    const low = tokens[i].lower;
    if (low === 'the' || low === 'a' || low === 'an' || low === 'its' || low === 'their' || low === 'his' || low === 'her') continue;
    return PREPOSITIONS.has(low);
  }
  return false;
}

function tokenIndexAt(tokens: Token[], pos: number, lo: number, hi: number): number {
  // First token starting at or after pos, in [lo, hi).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions joined to `m` by "and" or commas, on either side. */
function coordinated(tokens: Token[], actors: ActorMention[], idx: number, tokIdx: (m: ActorMention) => [number, number]): ActorMention[] {
  const out: ActorMention[] = [];
  const joins = (a: ActorMention, b: ActorMention) => {
    const [, aEnd] = tokIdx(a);
    const [bStart] = tokIdx(b);
    const between = tokens.slice(aEnd, bStart).map((t) => t.lower);
    return between.length > 0 && between.length <= 3 && between.every((w) => w === 'and' || w === ',' || w === 'the' || w === '&');
  };
  for (let j = idx - 1; j >= 0 && joins(actors[j], actors[j + 1]); j--) out.unshift(actors[j]);
  for (let j = idx + 1; j < actors.length && joins(actors[j - 1], actors[j]); j++) out.push(actors[j]);
  return out;
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

  // Source: the nearest actor before the trigger that is not inside a prepositional phrase.
  const clause = clauseStart(tokens, first, sentStart);
  const left = usable.filter((m) => m.end <= triggerStart);
  let subject: ActorMention | null = null;
  for (let k = left.length - 1; k >= 0; k--) {
    const m = left[k];
    const [ms] = tokIdx(m);
    if (ms < clause && subject) break;
    if (!governedByPreposition(tokens, m, ms)) {
      subject = m;
      break;
    }
  }
  if (!subject && left.length) {
    // Possessive or nominal frame: "the junta's decision to end", "Niger's termination of".
    const near = left[left.length - 1];
    if (/['’]s?$/.test(near.text) || tokIdx(near)[0] >= clause) subject = near;
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
    if (passive && tokens[ms - 1]?.lower === 'by' && !byAgent) {
      byAgent = m;
      continue;
    }
    if (subject && m.entity === subject.entity) continue;
    if (!target) target = m;
  }

  let source = subject;
  if (passive) {
    source = byAgent;
    target = subject ?? target;
    reasons.push(byAgent ? 'passive voice: source is the agent after "by"' : 'passive voice without an agent: source unknown');
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
