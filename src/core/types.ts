// The shapes that flow through the pipeline. Offsets are UTF-16 indices into Doc.text
// (what JavaScript's String indexing uses), so every layer can point back at the evidence.

/** An article as it arrives, before any analysis. */
export interface Article {
  id?: string;
  text: string;
  /** ISO date (YYYY-MM-DD) or datetime; null/undefined when unknown. */
  published?: string | null;
  title?: string;
  url?: string;
  source?: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
  /** Lower-cased text, the key for lexicon look-ups. */
  lower: string;
  /** Starts with an upper-case letter (proper-name cue). */
  cap: boolean;
}

export interface Sentence extends Span {
  index: number;
  /** Index of the first token of this sentence in Doc.tokens. */
  tokenStart: number;
  /** One past the last token of this sentence in Doc.tokens. */
  tokenEnd: number;
}

export type ActorKind = 'country' | 'person' | 'organisation' | 'group' | 'location';

/** A mention of an actor in the text, resolved to country, sector and a CAMEO-style code. */
export interface ActorMention extends Span {
  text: string;
  kind: ActorKind;
  /** Canonical name ("Niger", "Mohamed Bazoum", "ECOWAS"). */
  name: string;
  /** ISO 3166 alpha-3, null for international organisations and unknowns. */
  country: string | null;
  /** GOV, MIL, REB, COP, CVL, IGO, ... or null when only the country is known. */
  sector: string | null;
  /** CAMEO-style code: NERGOV, USAMIL, IGO:ECOWAS, NER. */
  code: string;
  /** For people: the role that set the sector ("President", "Secretary of State"). */
  role?: string;
  /** Stable identity across mentions and articles (person:mohamed-bazoum, country:NER, igo:ECOWAS). */
  entity: string;
  sentence: number;
  /** Why this mention was resolved this way. */
  reason: string;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpr extends Span {
  text: string;
  type: TimeType;
  /** TIMEX3 value: 2021-12-10, 2021-12, 1960, 196 (the 1960s), P3D, PAST_REF, XXXX-WXX-1 ... */
  value: string;
  /** Which components were stated in the text (the rest were implied from the published date). */
  certain: Array<'year' | 'month' | 'day' | 'time'>;
  /** For durations that anchor a start ("for over a decade"): direction relative to the reference. */
  direction?: 'past' | 'future';
  /** For a duration: the approximate start/end date it implies, when it can be placed. */
  anchor?: string;
  sentence: number;
  /** Which parser produced it. */
  reason: string;
}

export interface Place extends Span {
  text: string;
  name: string;
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  sentence: number;
  /** What matched: a country, a region (admin1 / admin2) or a populated place; null when the gazetteer lacks it. */
  level?: 'country' | 'admin1' | 'admin2' | 'place' | null;
}

export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

export interface AcledCategory {
  event_type: string;
  sub_event_type: string;
}

/** The ACLED reading of a whole report (see src/stages/events/acled.ts). */
export interface ReportAcled extends AcledCategory {
  /** The same in the pre-2019 ACLED export's types ("Battle-No change of territory", "Riots/Protests", ...). */
  legacy_type: string;
  /** Deaths the report states (all sides, attackers included); null when it states none. */
  fatalities: number | null;
  /**
   * The deaths ACLED codes for one event of this report: a toll over several days or events is spread evenly over
   * them ("54 deaths over two days": 27). Equal to `fatalities` when the report covers one event.
   */
  fatalities_coded?: number | null;
  /** Why the toll was spread, when it was. */
  fatalities_reason?: string;
  /** The cues that decided, in words. */
  reason: string;
  /** When the reported event happened (TIMEX3 date, year to day); null when neither text nor published date tell. */
  date?: string | null;
  date_precision?: DatePrecision;
  /** How the date was chosen, in words. */
  date_reason?: string;
  /**
   * The report's main actor, ACLED's actor 1: the doer of the report's event, else the first armed or state actor
   * (protesters, for a protest) the report names; null when it names none. Its `reason` says which.
   */
  actor1?: ActorMention | null;
}

export interface Evidence extends Span {
  text: string;
}

/** Who did what to whom, when and where, with the sentence that says so and why it was coded. */
export interface CodedEvent {
  id: string;
  article_id: string;
  date: string | null;
  date_precision: DatePrecision;
  /** PLOVER event type (AGREE, CONSULT, ... ASSAULT). */
  event: string;
  mode: string | null;
  context: string | null;
  quad: number;
  cameo: string;
  goldstein: number;
  source: ActorMention | null;
  target: ActorMention | null;
  location: { name: string; country: string | null; admin1: string | null; lat: number | null; lon: number | null } | null;
  fatalities: number | null;
  negated: boolean;
  hypothetical: boolean;
  /** Announced or planned, not yet happened ("will withdraw"). */
  future: boolean;
  /** The event is stated as past background ("established relations in 1960"). */
  historical: boolean;
  evidence: Evidence;
  /** The rule or lexicon entry that fired, in words. */
  reason: string;
  confidence: number;
  acled?: AcledCategory | null;
  /** The time expression that dated the event, when one did. */
  time?: { text: string; value: string } | null;
  /** The event phrase that fired. */
  trigger?: Evidence;
  /** Where the date came from: a time expression in the text, the published date, or nowhere. */
  date_from?: 'text' | 'published' | 'none';
  /**
   * The approximate start of the state the event changes, when the sentence says how long it lasted ("a pact
   * in place for over a decade" ended: 2014 for a 2024 report). TIMEX3-style date, year to day.
   */
  since?: string | null;
}

/** Every layer of an analysed article. */
export interface Doc {
  id: string;
  text: string;
  title: string | null;
  published: string | null;
  /** Where the published date came from: metadata, header, dateline, flag, or null. */
  publishedFrom: 'metadata' | 'header' | 'dateline' | 'flag' | null;
  url: string | null;
  source: string | null;
  sentences: Sentence[];
  tokens: Token[];
  actors: ActorMention[];
  times: TimeExpr[];
  places: Place[];
  events: CodedEvent[];
  /** The report's ACLED event type and deaths, when it reports violence, a protest or a development ACLED records. */
  acled?: ReportAcled | null;
  warnings: string[];
}

/** One stage of the pipeline: reads some layers of the doc and fills its own. Pure, no I/O. */
export interface Stage {
  readonly name: string;
  process(doc: Doc): void;
}
