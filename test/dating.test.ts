import { describe, expect, it } from 'vitest';
import type { Doc, Span, TimeExpr } from '../src/core/types.js';
import { calendarDate, dateEvent, datingContext, type EventDate } from '../src/stages/events/dating.js';
import { segment } from '../src/stages/segment/segment.js';
import { eventDayMatches, statedEventDay } from '../eval/event-day.js';
import { extractTimes } from '../src/stages/times/index.js';

/** A document with sentences, tokens and times (no actors unless given). */
function docOf(text: string, published: string, actors: Doc['actors'] = []): Doc {
  const { sentences, tokens } = segment(text);
  return {
    id: 't', text, title: null, published, publishedFrom: 'metadata', url: null, source: null,
    sentences, tokens, actors, times: extractTimes(text, published, sentences, tokens), places: [], events: [], warnings: [],
  };
}

/** The span of the n-th occurrence (0-based) of `phrase` in the text. */
function spanOf(text: string, phrase: string, n = 0): Span {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" not in text`);
  return { start: at, end: at + phrase.length };
}

/**
 * Dates the event phrase `trigger` of `text` the way the events stage does with the sentence context;
 * `others` are the sentence's other event phrases.
 */
function dateOf(text: string, published: string, trigger: string, others: string[] = [], actors: Doc['actors'] = []): EventDate {
  const doc = docOf(text, published, actors);
  const t = spanOf(text, trigger);
  const s = doc.sentences.findIndex((x) => x.start <= t.start && t.start < x.end);
  const triggers = others.map((o) => spanOf(text, o)).filter((o) => o.start >= doc.sentences[s].start && o.end <= doc.sentences[s].end);
  const times = doc.times.filter((x) => x.sentence === s);
  return dateEvent(times, t.start, t.end, published, datingContext(doc, s, triggers));
}

describe('the expression that governs the event phrase', () => {
  it('prefers the date attached to the verb over one in another clause', () => {
    const text = 'Rebels attacked the town on Tuesday, two days after the army left on Sunday.';
    const d = dateOf(text, '2021-12-10', 'attacked', ['left']);
    expect([d.date, d.precision, d.from]).toEqual(['2021-12-07', 'day', 'text']);
    expect(dateOf(text, '2021-12-10', 'left', ['attacked']).date).toBe('2021-12-05');
  });
  it('keeps the report time apart from the event time in reported speech', () => {
    const text = 'The army said on Monday that rebels attacked the village on Sunday.';
    expect(dateOf(text, '2021-12-10', 'attacked', ['said']).date).toBe('2021-12-05');
    expect(dateOf(text, '2021-12-10', 'said', ['attacked']).date).toBe('2021-12-06');
  });
  it('lets a sentence-initial date govern every clause of the sentence, also after a label', () => {
    const text = 'On October 27, militants attacked the camp in Ber with car bombs, killing two peacekeepers.';
    expect(dateOf(text, '2018-10-29', 'killing', ['attacked']).date).toBe('2018-10-27');
    const labelled = 'Property destruction: On September 15, unknown individuals entered a church, vandalizing statues.';
    expect(dateOf(labelled, '2018-09-17', 'vandalizing', ['entered']).date).toBe('2018-09-15');
  });
  it('does not take the start of a state, a deadline or another event\'s date', () => {
    const since = 'Protesters demanded the release of the general, held since October 30, 2015.';
    expect(dateOf(since, '2017-11-20', 'Protesters').from).toBe('published');
    const noun = 'Rebels attacked polling stations to disrupt the May 3 elections.';
    expect(dateOf(noun, '2006-04-15', 'attacked').from).toBe('published');
    const after = 'Activists protested for transparent elections scheduled for 7th February.';
    expect(dateOf(after, '1999-02-01', 'protested').from).toBe('published');
  });
  it('dates an ongoing event told in the perfect by the day "since" names, not by a year', () => {
    const text = 'At least 37 people have been killed in clashes near Anefis since Friday.';
    expect(dateOf(text, '2014-07-13', 'killed').date).toBe('2014-07-11');
    expect(dateOf('French troops have been deployed in Mali since 2013.', '2014-07-13', 'deployed').from).toBe('published');
  });
  it('dates the event named by the noun a date modifies ("the April 13 attack")', () => {
    const text = 'Officials investigated the April 13 attack in the capital.';
    expect(dateOf(text, '2006-07-15', 'attack').date).toBe('2006-04-13');
  });
  it('dates an event noun by the date that modifies it, even after a preposition that marks another time', () => {
    const text = 'Two soldiers were arrested after Saturday\'s attack on the base.';
    expect(dateOf(text, '2021-12-13', 'attack').date).toBe('2021-12-11');
    expect(dateOf('A 1996 law strengthened the 1959 trade embargo against Cuba.', '2000-01-07', 'embargo').date).toBe('1959');
    // a bare date before a verb belongs to the clause before it, not to the verb
    const rel = 'Fighters of the revolution that brought Castro to power 42 years ago gathered Wednesday night.';
    expect(dateOf(rel, '2000-01-07', 'gathered').date).toBe('2000-01-05');
  });
  it('dates a coming event by its deadline when nothing better is named, a past one not', () => {
    const text = 'The INS ruled that Elian must be returned to his father by Jan. 14.';
    expect(dateOf(text, '2000-01-06', 'returned').date).toBe('2000-01-14');
    const past = 'Rebels had seized the town by Friday.';
    expect(dateOf(past, '2021-12-13', 'seized').from).toBe('published');
  });
  it('does not date a change by the time of the figure it is compared with, or by the day a period ended', () => {
    const text = 'In the latest quarter, profit soared to $155 million from $99 million a year earlier.';
    expect(dateOf(text, '1989-10-26', 'soared').date).toBe('1989');
    const fiscal = 'Sun reported a $20.3 million loss for its fourth quarter ended June 30.';
    expect(dateOf(fiscal, '1989-10-26', 'loss').reason).toContain('"fourth quarter"');
  });
  it('dates a march by the Friday prayers it followed', () => {
    const text = 'Hundreds of Mauritanians took to the streets in Nouakchott after the Friday prayers.';
    expect(dateOf(text, '2011-02-06', 'took to the streets').date).toBe('2011-02-04');
  });
  it('dates the events of a when-clause by the date it follows', () => {
    const text = 'His relatives have cared for him since November, when he was found clinging to an inner tube.';
    expect(dateOf(text, '2000-04-17', 'found').date).toBe('1999-11');
  });
  it('reads an infinitive as not past, and a past event as datable by the week of the report', () => {
    const text = 'The offer had been set to expire Nov. 6.';
    expect(dateOf(text, '1989-10-27', 'expire').date).toBe('1989-11-06');
    const passive = 'He added that final guidelines to be published in early November will decide it.';
    expect(dateOf(passive, '1989-10-27', 'published').date).toBe('1989-11');
    // published on a Monday: "this week" began that day, so it is no time after the report
    const week = 'Investors were cautious about the gains these issues made this week, the official said.';
    expect(dateOf(week, '1989-10-30', 'made')).toMatchObject({ from: 'text', date: '1989-11' });
  });
  it('skips dates inside actor names and quoted titles', () => {
    const text = 'Fighters of Katiba June 12 shelled the town.';
    const actor = {
      start: text.indexOf('Katiba'), end: text.indexOf(' shelled'), text: 'Katiba June 12', kind: 'group' as const, name: 'Katiba June 12',
      country: null, sector: 'REB', code: 'REB', entity: 'group:june-12', sentence: 0, reason: 'test',
    };
    expect(dateOf(text, '2020-08-01', 'shelled').date).toBe('2020-06-12'); // unknown name: read as a date
    expect(dateOf(text, '2020-08-01', 'shelled', [], [actor]).from).toBe('published');
    const quoted = 'The ministry banned the film "Revolution Of May 15" nationwide.';
    expect(dateOf(quoted, '2020-08-01', 'banned').from).toBe('published');
  });
});

describe('the sentence-opening date and dates in modifiers', () => {
  it('lets the opening date win over a nearer date in a modifier of the subject', () => {
    const text = 'On April 18, students suspended in March clashed with security forces in Niamey.';
    expect(dateOf(text, '2018-04-20', 'clashed').date).toBe('2018-04-18');
  });
});

describe('dates carried through the story', () => {
  it('takes "the next day" as counted from the date set before', () => {
    const text = 'Troops entered the town on Friday. The next day, rebels attacked the base.';
    expect(dateOf(text, '2021-12-13', 'attacked').date).toBe('2021-12-11');
  });
  it('carries a day to the next sentence of a past story that names no time', () => {
    const text = 'On 24 January, an army unit destroyed four vehicles. The ambush took place near the town.';
    const d = dateOf(text, '2011-01-26', 'ambush');
    expect([d.date, d.from]).toEqual(['2011-01-24', 'text']);
    expect(d.reason).toMatch(/carried/);
  });
  it('carries the story\'s day, not the day of the report about it', () => {
    const text = 'The French army said Friday that soldiers fought jihadists from Sunday to Thursday. Airstrikes destroyed two camps.';
    const d = dateOf(text, '2017-06-03', 'destroyed');
    expect(d.date).toBe('2017-05-28');
  });
  it('dates an undated opening sentence by the day the next sentence names', () => {
    const text = 'Ten people were killed in clashes at a gold mine, a security source told AFP. The violence erupted early Tuesday when residents told miners to leave.';
    const d = dateOf(text, '2017-10-26', 'killed');
    expect([d.date, d.from]).toEqual(['2017-10-24', 'text']);
    expect(d.reason).toMatch(/next sentence/);
  });
  it('does not take the next sentence\'s day when it is a start, a report\'s day, or when a date came before', () => {
    expect(dateOf('Ten people were killed in clashes. Fighting has gone on since Tuesday.', '2017-10-26', 'killed').from).toBe('published');
    expect(dateOf('Ten people were killed in clashes. Officials said Tuesday the toll may rise.', '2017-10-26', 'killed').from).toBe('published');
    const later = 'Troops arrived in 2016. Ten people were killed in clashes. The violence erupted early Tuesday.';
    expect(dateOf(later, '2017-10-26', 'killed').from).toBe('published');
  });
  it('does not carry into a present passive or a perfect with an adverb', () => {
    const text = 'The Golbon reached Bandar Abbas on Feb. 13. Both ships are sanctioned by the U.S. Treasury.';
    expect(dateOf(text, '2025-03-14', 'sanctioned').from).toBe('published');
    const adverb = 'Assad fled on Dec. 8. Western nations have repeatedly called for an inclusive government.';
    expect(dateOf(adverb, '2025-03-14', 'called').from).toBe('published');
  });
  it('does not carry into an active present perfect, but does into a passive one', () => {
    const active = 'The army said on Saturday it killed 1,000 fighters. U.S. officials have blamed the Taliban for the violence.';
    expect(dateOf(active, '2021-05-09', 'blamed').from).toBe('published');
    const passive = 'On 24 January, an army unit ambushed a convoy near Gao. Five soldiers have been killed.';
    expect(dateOf(passive, '2021-01-26', 'killed').date).toBe('2021-01-24');
  });
  it('does not carry across a paragraph break, into a present-tense sentence or from a year alone', () => {
    expect(dateOf('On 24 January, an army unit destroyed four vehicles.\n\nThe ambush took place near the town.', '2011-01-26', 'ambush').from).toBe('published');
    expect(dateOf('On 24 January, an army unit destroyed four vehicles. Protesters demand compensation.', '2011-01-26', 'demand').from).toBe('published');
    expect(dateOf('The pact was signed in 2012. Rebels attacked the town.', '2021-12-10', 'attacked').from).toBe('published');
  });
});

describe('durations that anchor a start, precision and value forms', () => {
  it('dates the termination at publication and gives the agreement a start about ten years before', () => {
    const text = 'The junta ended a defence pact which had been in place for over a decade.';
    const d = dateOf(text, '2024-03-28', 'ended');
    expect([d.date, d.from, d.since]).toEqual(['2024-03-28', 'published', '2014']);
  });
  it('keeps the precision of the expression', () => {
    expect(dateOf('Rebels seized the town in March.', '2021-12-10', 'seized')).toMatchObject({ date: '2021-03', precision: 'month' });
    expect(dateOf('Rebels seized the town last year.', '2021-12-10', 'seized')).toMatchObject({ date: '2020', precision: 'year' });
    expect(dateOf('Rebels seized the town last week.', '2021-12-10', 'seized')).toMatchObject({ date: '2021-12', precision: 'month' });
  });
  it('reads midnight as the first moment of the next day, across a month end and a leap day', () => {
    expect(calendarDate('2011-05-31T24:00')).toEqual({ date: '2011-06-01', precision: 'day' });
    expect(calendarDate('2024-02-28T24:00')).toEqual({ date: '2024-02-29', precision: 'day' });
    expect(calendarDate('2023-12-31T24:00')).toEqual({ date: '2024-01-01', precision: 'day' });
    expect(calendarDate('199')).toBeNull();
  });
  it('without a sentence context falls back to the nearest expression', () => {
    const t: TimeExpr = { start: 20, end: 27, text: 'Tuesday', type: 'DATE', value: '2021-12-07', certain: [], sentence: 0, reason: 'test' };
    expect(dateEvent([t], 0, 8, '2021-12-10')).toMatchObject({ date: '2021-12-07', from: 'text' });
    expect(dateEvent([], 0, 8, '2021-12-10')).toMatchObject({ date: '2021-12-10', from: 'published' });
    expect(dateEvent([], 0, 8, null)).toMatchObject({ date: null, from: 'none', precision: 'unknown' });
  });
});

describe('ACLED scorer: does a note state its event\'s day?', () => {
  it('finds the day beside its month, or its weekday', () => {
    expect(statedEventDay('On October 27, militants attacked the camp.', '2018-10-27')).toEqual({ kind: 'day' });
    expect(statedEventDay('Militants attacked the camp on 27 Oct.', '2018-10-27')).toEqual({ kind: 'day' });
    expect(statedEventDay('Militants attacked the camp on Saturday.', '2018-10-27')).toEqual({ kind: 'day' });
  });
  it('leaves out notes that name only other days', () => {
    expect(statedEventDay('Activists protested for elections scheduled for 7th February.', '1999-01-30')).toBeNull();
    expect(statedEventDay('Protests have taken place daily since 21 July.', '2017-07-28')).toBeNull();
    expect(statedEventDay('People marched in tribute to the victims of 30 and 31 October 2014.', '2016-10-31')).toBeNull();
    expect(statedEventDay('Troops left on May 3, 2006 and returned.', '2007-05-03')).toBeNull();
    expect(statedEventDay('Troops left on May 3, 2006 and returned.', '2006-05-03')).toEqual({ kind: 'day' });
  });
  it('reads a day inside a stated range of days or of weekdays as that range', () => {
    expect(statedEventDay('Fighting in Menaka region 5-10 Jul left 20 dead.', '2017-07-07')).toEqual({ kind: 'range', first: '2017-07-05', last: '2017-07-10' });
    expect(statedEventDay('Between April 26 and 28, militiamen attacked camps.', '2018-04-28')).toEqual({ kind: 'range', first: '2018-04-26', last: '2018-04-28' });
    const weekdays = statedEventDay('Two vehicles were attacked on Tuesday and Wednesday.', '2012-07-04');
    expect(weekdays).toEqual({ kind: 'range', first: '2012-07-03', last: '2012-07-04' });
    expect(eventDayMatches('2012-07-03', '2012-07-04', weekdays)).toBe(true);
    expect(eventDayMatches('2012-07-05', '2012-07-04', weekdays)).toBe(false);
    expect(eventDayMatches('2012-07-03', '2012-07-04', { kind: 'day' })).toBe(false);
    expect(eventDayMatches(null, '2012-07-04', { kind: 'day' })).toBe(false);
  });
});
