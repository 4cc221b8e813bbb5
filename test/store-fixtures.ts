// Hand-built Docs for the store tests: a few actors and events covering every flag and date precision.
import type { ActorMention, CodedEvent, Doc } from '../src/core/types.js';

export function mention(
  text: string,
  start: number,
  o: Partial<ActorMention> & Pick<ActorMention, 'name' | 'code' | 'entity'>,
): ActorMention {
  return {
    start,
    end: start + text.length,
    text,
    kind: 'country',
    country: null,
    sector: null,
    sentence: 0,
    reason: 'test lexicon entry',
    ...o,
  };
}

export function event(
  articleId: string,
  n: number,
  o: Partial<CodedEvent> & Pick<CodedEvent, 'event' | 'source' | 'target'>,
): CodedEvent {
  return {
    id: `${articleId}-e${n}`,
    article_id: articleId,
    date: null,
    date_precision: 'unknown',
    mode: null,
    context: null,
    quad: 4,
    cameo: '17',
    goldstein: -7,
    location: null,
    fatalities: null,
    negated: false,
    hypothetical: false,
    future: false,
    historical: false,
    evidence: { text: 'evidence', start: n * 10, end: n * 10 + 8 },
    reason: `test rule ${n}`,
    confidence: 0.8,
    acled: null,
    time: null,
    ...o,
  };
}

export function doc(id: string, o: Partial<Doc> = {}): Doc {
  return {
    id,
    text: `Text of ${id}.`,
    title: `Title of ${id}`,
    published: '2024-03-28',
    publishedFrom: 'metadata',
    url: `https://news.example/${id}`,
    source: 'Example Wire',
    sentences: [],
    tokens: [],
    actors: [],
    times: [],
    places: [],
    events: [],
    warnings: [],
    ...o,
  };
}

// Actors reused across articles (positions are in a1's text; other docs reuse them loosely).
export const nigerGov = (start = 0): ActorMention =>
  mention('Niger’s junta', start, {
    name: 'Niger', code: 'NERGOV', entity: 'country:NER', country: 'NER', sector: 'GOV', kind: 'country',
  });
export const usMil = (start = 0): ActorMention =>
  mention('U.S. troops', start, {
    name: 'United States', code: 'USAMIL', entity: 'country:USA', country: 'USA', sector: 'MIL',
  });
export const usGov = (start = 0): ActorMention =>
  mention('Washington', start, {
    name: 'United States', code: 'USAGOV', entity: 'country:USA', country: 'USA', sector: 'GOV',
  });
export const ecowas = (start = 0): ActorMention =>
  mention('ECOWAS', start, {
    name: 'ECOWAS', code: 'IGO:ECOWAS', entity: 'igo:ECOWAS', country: null, sector: 'IGO', kind: 'organisation',
  });
export const bazoum = (start = 0): ActorMention =>
  mention('Mohamed Bazoum', start, {
    name: 'Mohamed Bazoum', code: 'NERGOV', entity: 'person:mohamed-bazoum', country: 'NER', sector: 'GOV',
    kind: 'person', role: 'President', sentence: 2, reason: 'role "President" sets GOV until 2023-07-26',
  });
export const franceGov = (start = 0): ActorMention =>
  mention('Paris', start, {
    name: 'France', code: 'FRAGOV', entity: 'country:FRA', country: 'FRA', sector: 'GOV',
  });
export const coteDIvoire = (start = 0): ActorMention =>
  mention('Côte d’Ivoire', start, {
    name: 'Côte d’Ivoire', code: 'CIVGOV', entity: 'country:CIV', country: 'CIV', sector: 'GOV',
  });

/** a1 (published 2024-03-28): a dated coercion, a negated sanction, a hypothetical threat, a month-dated consult. */
export function docA1(): Doc {
  const id = 'a1';
  return doc(id, {
    text: 'Niger’s junta ordered U.S. troops to leave. ECOWAS did not sanction Niger. Washington could threaten Niger. Mohamed Bazoum met Paris in March.',
    actors: [nigerGov(0), usMil(22), ecowas(45)],
    events: [
      event(id, 1, {
        event: 'COERCE', mode: 'expel', context: 'military', cameo: '174', goldstein: -5, quad: 4,
        source: nigerGov(0), target: usMil(22), date: '2024-03-16', date_precision: 'day',
        location: { name: 'Niamey', country: 'NER', admin1: 'Niamey', lat: 13.5116, lon: 2.1254 },
        evidence: { text: 'Niger’s junta ordered U.S. troops to leave.', start: 0, end: 43 },
        time: { text: 'on March 16', value: '2024-03-16' },
      }),
      event(id, 2, {
        event: 'SANCTION', cameo: '163', goldstein: -8, quad: 4, negated: true,
        source: ecowas(45), target: nigerGov(69), date: '2024-03-28', date_precision: 'day',
        evidence: { text: 'ECOWAS did not sanction Niger.', start: 45, end: 75 },
      }),
      event(id, 3, {
        event: 'THREATEN', cameo: '13', goldstein: -6, quad: 3, hypothetical: true,
        source: usGov(76), target: nigerGov(104), date: '2024-03-28', date_precision: 'day',
        evidence: { text: 'Washington could threaten Niger.', start: 76, end: 108 },
      }),
      event(id, 4, {
        event: 'CONSULT', mode: 'visit', cameo: '04', goldstein: 1, quad: 1,
        source: bazoum(109), target: franceGov(128), date: '2024-03', date_precision: 'month',
        evidence: { text: 'Mohamed Bazoum met Paris in March.', start: 109, end: 143 },
        acled: { event_type: 'Strategic developments', sub_event_type: 'Agreement' },
      }),
    ],
  });
}

/** a2 (published 2024-04-02): an undated assault, a year-dated agreement, a future withdrawal. */
export function docA2(): Doc {
  const id = 'a2';
  return doc(id, {
    published: '2024-04-02',
    title: 'Withdrawal, "planned"',
    url: 'https://news.example/a2?x=1,2',
    actors: [usMil(0), nigerGov(20), coteDIvoire(40)],
    events: [
      event(id, 1, {
        event: 'ASSAULT', mode: 'firearms', cameo: '190', goldstein: -10, quad: 4, fatalities: 12,
        source: null, target: nigerGov(20), evidence: { text: 'Gunmen killed 12 soldiers,\n"a massacre".', start: 5, end: 40 },
      }),
      event(id, 2, {
        event: 'AGREE', cameo: '057', goldstein: 8, quad: 1, historical: true,
        source: coteDIvoire(40), target: nigerGov(20), date: '2023', date_precision: 'year',
      }),
      event(id, 3, {
        event: 'RETREAT', mode: 'withdraw', cameo: '087', goldstein: 5, quad: 2, future: true,
        source: usMil(0), target: nigerGov(20), date: '2024-09', date_precision: 'month',
      }),
    ],
  });
}

/** A synthetic article with `n` events, for batch and speed tests. */
export function syntheticDoc(i: number, n = 5): Doc {
  const id = `s${i}`;
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  const actors = [nigerGov(0), usMil(20), ecowas(40), bazoum(60)];
  const events: CodedEvent[] = [];
  for (let k = 0; k < n; k++) {
    events.push(
      event(id, k + 1, {
        event: k % 2 ? 'CONSULT' : 'ASSAULT',
        cameo: k % 2 ? '04' : '190',
        source: actors[k % 4],
        target: actors[(k + 1) % 4],
        date: `2023-${month}-${day}`,
        date_precision: 'day',
        evidence: { text: `Sentence ${k} of article ${i}, with some words.`, start: k * 50, end: k * 50 + 40 },
      }),
    );
  }
  return doc(id, { text: `Synthetic article ${i}. `.repeat(40), actors, events });
}
