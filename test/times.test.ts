import { describe, expect, it } from 'vitest';
import type { Doc, TimeExpr } from '../src/core/types.js';
import { segment } from '../src/stages/segment/segment.js';
import { findTimes, timesStage } from '../src/stages/times/index.js';
import { parseNamedDays } from '../src/stages/times/named-days.js';

/** The single expression whose text is `text` (fails when absent or ambiguous). */
function one(sentence: string, published: string | null, text: string): TimeExpr {
  const found = findTimes(sentence, published).filter((t) => t.text === text);
  expect(found, `"${text}" in ${JSON.stringify(findTimes(sentence, published).map((t) => t.text))}`).toHaveLength(1);
  return found[0];
}

const value = (sentence: string, published: string | null, text: string) => one(sentence, published, text).value;
const texts = (sentence: string, published: string | null = '2021-12-10') => findTimes(sentence, published).map((t) => t.text);

describe('explicit calendar dates', () => {
  const pub = '2021-12-12';
  it('reads day-month-year, month-day-year, ISO and abbreviated forms', () => {
    expect(value('It happened on 10 December 2021 in Paris.', pub, '10 December 2021')).toBe('2021-12-10');
    expect(value('On December 10, 2021, they met.', pub, 'December 10, 2021')).toBe('2021-12-10');
    expect(value('The memo is dated 2021-12-10.', pub, '2021-12-10')).toBe('2021-12-10');
    expect(value('Troops left on Dec. 10 after talks.', pub, 'Dec. 10')).toBe('2021-12-10');
  });
  it('marks stated components as certain and the implied year as not', () => {
    expect(one('It happened on 10 December 2021.', pub, '10 December 2021').certain).toEqual(['year', 'month', 'day']);
    expect(one('Troops left on Dec. 10 after talks.', pub, 'Dec. 10').certain).toEqual(['month', 'day']);
    expect(one('They met on Thursday.', pub, 'Thursday').certain).toEqual([]);
  });
  it('leaves the preposition outside the span and keeps offsets on the text', () => {
    const s = 'Troops left on Dec. 10 after talks.';
    const t = one(s, pub, 'Dec. 10');
    expect(s.slice(t.start, t.end)).toBe('Dec. 10');
  });
});

describe('partial dates and weekdays follow the tense', () => {
  const pub = '2021-12-10'; // a Friday
  it('a past report takes the latest past date, a future one the coming date', () => {
    expect(value('The two sides met on October 27.', pub, 'October 27')).toBe('2021-10-27');
    expect(value('The two sides will meet on October 27.', pub, 'October 27')).toBe('2022-10-27');
  });
  it('weekdays: nearest past in a past sentence, next in a future one', () => {
    expect(value('The ministers met on Thursday.', pub, 'Thursday')).toBe('2021-12-09');
    expect(value('The ministers will meet on Thursday.', pub, 'Thursday')).toBe('2021-12-16');
    expect(value('The ministers met last Monday.', pub, 'last Monday')).toBe('2021-12-06');
  });
  it('a scheduling verb in the present reads the weekday as coming, a noun of the same form does not', () => {
    expect(value('Netanyahu and Arafat meet separately Monday with Albright.', '1998-05-01', 'Monday')).toBe('1998-05-04');
    expect(value('The president leaves Tuesday for Asia.', pub, 'Tuesday')).toBe('2021-12-14');
    expect(value('After the vote on Tuesday, the assembly was dissolved.', pub, 'Tuesday')).toBe('2021-12-07');
  });
  it('a past verb right before a weekday outweighs a future cue elsewhere in the sentence', () => {
    const text = 'A school principal died on Sunday, and three more schools will be closed.';
    expect(value(text, '2009-05-18', 'Sunday')).toBe('2009-05-17');
  });
  it('short past forms ("used", "died") are past cues; "likely" and "through" look ahead', () => {
    expect(value('To stop the oil coming in, cleanup crews Tuesday used nets.', '2010-07-03', 'Tuesday')).toBe('2010-06-29');
    expect(value('The oil is likely to stay away from shore through the weekend.', '2010-04-23', 'the weekend')).toBe('2010-W16-WE');
    expect(value('Snow will fall from Monday through Thursday.', '2011-01-31', 'Thursday')).toBe('2011-02-03');
    // "through" in a plainly past clause stays past
    expect(value('Fighting went on through Thursday.', '2011-01-31', 'Thursday')).toBe('2011-01-27');
  });
  it('"may" and "might" look ahead; the month May does not', () => {
    expect(value('Snow totals through Wednesday may exceed a foot.', '2011-01-31', 'Wednesday')).toBe('2011-02-02');
    expect(value('Since May, rebels attacked the town on Friday.', pub, 'Friday')).toBe('2021-12-10');
  });
  it('a to-clause after the weekday does not set its tense', () => {
    const s = 'Some 2,000 people took to the streets in the capital Thursday to protest plans for an intervention.';
    expect(value(s, '2012-10-20', 'Thursday')).toBe('2012-10-18');
  });
  it('a possessive weekday takes only a cue just before it, not the clause verb', () => {
    expect(value("They would look for ways to get around Wednesday's ruling.", '2000-01-07', 'Wednesday')).toBe('2000-01-05');
    expect(value("Crowds gathered ahead of Sunday's vote.", '2000-01-07', 'Sunday')).toBe('2000-01-09');
  });
  it('weekdays cross the year boundary and land on a leap day', () => {
    expect(value('Rebels attacked the town on Saturday.', '2024-01-02', 'Saturday')).toBe('2023-12-30');
    expect(value('The talks will resume on Monday.', '2023-12-29', 'Monday')).toBe('2024-01-01');
    expect(value('The ministers met on Thursday.', '2024-03-01', 'Thursday')).toBe('2024-02-29');
  });
  it('"would" from a past saying reads a month as the nearest one; "later than" compares lengths', () => {
    const text = 'Officials said the Jairan would depart China in early February, but it did not leave until March 10.';
    expect(value(text, '2025-03-14', 'early February')).toBe('2025-02');
    expect(value('He said elections would be held in May.', '2025-03-14', 'May')).toBe('2025-05');
    const t = one('The ship departed on Monday, a month later than expected.', '2025-03-14', 'a month');
    expect([t.type, t.value]).toEqual(['DURATION', 'P1M']);
  });
  it('a month after "since" lies in the past', () => {
    expect(value('The army reasserted control since late January.', '2012-03-10', 'late January')).toBe('2012-01');
    expect(value('Prices have risen since December.', '2012-03-10', 'December')).toBe('2011-12');
  });
  it('a past verb right before a month or a day rules out the coming one, even months back', () => {
    // told on 3 February 2012: "began in March" is March 2011, not next month
    expect(value('More than 5,400 have died since the uprising began in March.', '2012-02-03', 'March')).toBe('2011-03');
    expect(value('The uprising began on March 15.', '2012-02-03', 'March 15')).toBe('2011-03-15');
    // a present passive is no past verb: the hearing is coming
    expect(value('They may lose when the case is heard in May.', '2000-04-17', 'May')).toBe('2000-05');
  });
  it('a past sentence announcing a date months ahead still reads it as coming', () => {
    expect(value('He said the summit was moved to March 12.', '2022-02-16', 'March 12')).toBe('2022-03-12');
  });
});

describe('relative expressions', () => {
  const pub = '2021-12-10';
  it('reads weeks, days, months and years relative to the published date', () => {
    expect(value('Talks collapsed last week.', pub, 'last week')).toBe('2021-W48');
    expect(value('Talks collapsed yesterday.', pub, 'yesterday')).toBe('2021-12-09');
    expect(value('The treaty was signed two years ago.', pub, 'two years ago')).toBe('2019');
    expect(value('Fighting resumed earlier this month.', pub, 'earlier this month')).toBe('2021-12');
    expect(value('Elections were held last year.', pub, 'last year')).toBe('2020');
    expect(value('Exports had fallen the previous year.', pub, 'the previous year')).toBe('2020');
    expect(value('Talks will resume next month.', pub, 'next month')).toBe('2022-01');
    expect(value('Talks resume tomorrow.', pub, 'tomorrow')).toBe('2021-12-11');
  });
  it('crosses the year boundary', () => {
    const jan = '2024-01-03';
    expect(value('The ceasefire began on December 30.', jan, 'December 30')).toBe('2023-12-30');
    expect(value('Talks collapsed last week.', jan, 'last week')).toBe('2023-W52');
    expect(value('Elections were held last year.', jan, 'last year')).toBe('2023');
    expect(value('Fighting broke out last month.', jan, 'last month')).toBe('2023-12');
  });
  it('handles leap days', () => {
    expect(value('The vote took place on February 29.', '2024-03-05', 'February 29')).toBe('2024-02-29');
    expect(value('The vote took place on February 29.', '2025-03-01', 'February 29')).toBe('2024-02-29');
    expect(value('The accord was signed a year ago.', '2024-02-29', 'a year ago')).toBe('2023');
    expect(value('The accord was signed yesterday.', '2024-03-01', 'yesterday')).toBe('2024-02-29');
  });
});

describe('years, decades, months, quarters, seasons', () => {
  const pub = '2021-12-10';
  it('takes a number as a year only in a year-like context', () => {
    expect(value('The two countries established diplomatic relations in 1960.', pub, '1960')).toBe('1960');
    expect(texts('Some 1,500 troops arrived and $100 million was pledged.')).toEqual([]);
    expect(texts('The country has a population of 25 million.')).toEqual([]);
    expect(texts('The council adopted Resolution 1973 on Libya.')).toEqual([]);
    expect(texts('About 2000 protesters gathered.')).toEqual([]);
  });
  it('reads decades, month-years, quarters, halves and seasons', () => {
    // TIMEX3 writes a decade as its first three digits and a century as its first two.
    expect(value('Relations were frozen in the 1990s.', pub, 'the 1990s')).toBe('199');
    expect(value('Relations were frozen in the early eighties.', pub, 'the early eighties')).toBe('198');
    expect(value('The mission ends in March 2024.', pub, 'March 2024')).toBe('2024-03');
    expect(value('Output fell in the first quarter of 2023.', pub, 'the first quarter of 2023')).toBe('2023-Q1');
    expect(value('Profit rose in the third quarter.', '2021-11-02', 'the third quarter')).toBe('2021-Q3');
    expect(value('Troops withdrew last summer.', pub, 'last summer')).toBe('2021-SU');
    expect(value('Troops withdrew last summer.', '2021-07-01', 'last summer')).toBe('2020-SU');
    expect(value('The offensive began in the second half of 2022.', pub, 'the second half of 2022')).toBe('2022-H2');
  });
  it('reads bare month names in date slots and leaves the verbs alone', () => {
    expect(value('Elections were held in May.', pub, 'May')).toBe('2021-05');
    expect(texts('He may go to Paris, and they march on Sunday Times Square.')).not.toContain('May');
    expect(texts('They may march if the talks fail.')).toEqual([]);
  });
});

describe('durations, fuzzy references, sets, clock times', () => {
  it('anchors a duration that runs back from the reference (seed sentence)', () => {
    const t = one('The junta ended a defence pact which had been in place for over a decade.', '2024-03-28', 'a decade');
    expect(t.type).toBe('DURATION');
    expect(t.value).toBe('P10Y');
    expect(t.direction).toBe('past');
    expect(t.anchor).toBe('2014');
  });
  it('reads plain and bounded durations', () => {
    const t = one('The talks lasted three days.', '2021-12-10', 'three days');
    expect([t.type, t.value]).toEqual(['DURATION', 'P3D']);
    expect(value('Fighting over the past two years killed thousands.', '2021-12-10', 'the past two years')).toBe('P2Y');
    expect(one('Fighting over the past two years killed thousands.', '2021-12-10', 'the past two years').anchor).toBe('2019');
    expect(value('They lived in camps for 2 1/2 years.', '2021-12-10', '2 1/2 years')).toBe('P2Y6M');
    expect(texts('A 45-year-old man was arrested.')).toEqual([]);
  });
  it('reads fuzzy references', () => {
    const pub = '2021-12-10';
    expect(value('The border is now closed.', pub, 'now')).toBe('PRESENT_REF');
    expect(value('The border is currently closed.', pub, 'currently')).toBe('PRESENT_REF');
    expect(value('The border was recently closed.', pub, 'recently')).toBe('PAST_REF');
    expect(value('Talks will resume soon.', pub, 'soon')).toBe('FUTURE_REF');
    expect(value('Talks may resume in the future.', pub, 'the future')).toBe('FUTURE_REF');
  });
  it('leaves adverbs of sequence unmarked, as TimeML does', () => {
    expect(texts('He previously served as envoy and formerly led the army.')).toEqual([]);
  });
  it('reads sets', () => {
    const t = one('Leaders meet every year.', '2021-12-10', 'every year');
    expect([t.type, t.value]).toEqual(['SET', 'P1Y']);
    expect(one('The council meets weekly.', '2021-12-10', 'weekly').value).toBe('P1W');
    expect(one('Exports earn $5 million a year.', '2021-12-10', 'a year').type).toBe('SET');
  });
  it('gives clock times the date of the day named in the sentence', () => {
    const t = one('The envoy arrived at 3 p.m. local time.', '2021-12-10', '3 p.m.');
    expect([t.type, t.value]).toEqual(['TIME', '2021-12-10T15:00']);
    expect(findTimes('They met on Thursday at 3 p.m.', '2021-12-10').map((x) => x.value)).toContain('2021-12-09T15:00');
  });
});

describe('neighbourhood refiners and yearly dates', () => {
  it('reads "a year earlier" as the compared quarter one year back', () => {
    const s = 'Profit rose 10% in the third quarter from a year earlier.';
    expect(value(s, '1989-10-30', 'the third quarter')).toBe('1989-Q3');
    expect(value(s, '1989-10-30', 'a year earlier')).toBe('1988-Q3');
    expect(value('Profit rose from a year earlier.', '1989-10-30', 'a year earlier')).toBe('1988');
  });
  it('joins a clock word with the day beside it', () => {
    const t = one('Negotiations broke off at noon Thursday.', '2021-12-10', 'noon Thursday');
    expect([t.type, t.value]).toEqual(['TIME', '2021-12-09T12:00']);
  });
  it('places holidays like dates without a year', () => {
    expect(value('Fighting paused over Christmas.', '2021-12-28', 'Christmas')).toBe('2021-12-25');
    expect(value('Talks will resume after Easter.', '2024-03-01', 'Easter')).toBe('2024-03-31');
  });
});

describe('names that look like dates', () => {
  it('drops a day and month after "the Movement of"', () => {
    expect(texts('Young people known as the Movement of January 25th are going to meet.', '2011-02-06')).toEqual([]);
  });
  it('skips weekday titles and modal may', () => {
    expect(texts('The Sunday Times reported the deal.')).toEqual([]);
    expect(texts('Protesters marked Bloody Sunday.')).toEqual([]);
    expect(texts('Ministers may meet again.')).toEqual([]);
    expect(texts('Theresa May met the envoy.')).toEqual([]);
  });
});

describe('without a published date', () => {
  it('resolves absolute expressions and leaves relative ones unresolved', () => {
    expect(value('Relations were established in 1960.', null, '1960')).toBe('1960');
    expect(value('They met on October 27.', null, 'October 27')).toBe('XXXX-10-27');
    expect(value('They met on Thursday.', null, 'Thursday')).toBe('XXXX-WXX-4');
    expect(value('Talks collapsed yesterday.', null, 'yesterday')).toBe('PAST_REF');
    expect(value('Talks collapsed last week.', null, 'last week')).toBe('PAST_REF');
    expect(value('Talks resume next month.', null, 'next month')).toBe('FUTURE_REF');
    expect(value('It happened on 10 December 2021.', null, '10 December 2021')).toBe('2021-12-10');
  });
});

describe('timesStage', () => {
  it('fills doc.times with sentence indices from the segmenter', () => {
    const text = 'Niger ended the pact on Saturday. It had been in force since 2012.';
    const { sentences, tokens } = segment(text);
    const doc: Doc = {
      id: 'a', text, title: null, published: '2024-03-18', publishedFrom: 'metadata', url: null, source: null,
      sentences, tokens, actors: [], times: [], places: [], events: [], warnings: [],
    };
    timesStage.process(doc);
    expect(doc.times.map((t) => [t.text, t.value, t.sentence])).toEqual([
      ['Saturday', '2024-03-16', 0],
      ['2012', '2012', 1],
    ]);
    expect(doc.times.every((t) => t.reason.length > 0)).toBe(true);
    expect(findTimes(text, '2024-03-18')).toEqual(doc.times);
  });
});

describe('parts of days, days beside a date, vague stretches', () => {
  it('reads an hour told by the part of the day, and a part of the day with no day of its own', () => {
    const text = 'He will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.';
    expect(findTimes(text, '2000-04-05').map((t) => [t.text, t.value])).toEqual([
      ['4 in the morning', '2000-04-06T04:00'],
      ['4 a.m. EDT Thursday', '2000-04-06T04:00'],
    ]);
    expect(value('The ship docked at 11 at night.', '1998-03-08', '11 at night')).toBe('1998-03-08T23:00');
    expect(value('In London at mid-afternoon yesterday, shares were up.', '1989-11-02', 'mid-afternoon yesterday')).toBe('1989-11-01TAF');
    expect(value('By mid afternoon, officials said the operation was over.', '1998-03-06', 'mid afternoon')).toBe('1998-03-06TAF');
  });
  it('reads "the day before" or "the day after" a date as one day off it, across a year end', () => {
    expect(value("The day before last Tuesday's hearing, Manuel went to Lazaro's home.", '2000-02-24', "The day before last Tuesday")).toBe('2000-02-21');
    expect(value('They met the day after Christmas.', '2000-01-10', 'the day after Christmas')).toBe('1999-12-26');
  });
  it('reads "this quarter" in a results story as the quarter reported, unless the sentence looks ahead', () => {
    const text = 'Profit fell in the third quarter. This quarter\'s loss includes charges of $4.9 million.';
    expect(findTimes(text, '1989-11-01').map((t) => t.value)).toEqual(['1989-Q3', '1989-Q3']);
    const ahead = 'Profit fell in the third quarter. The company expects to return to profit this quarter.';
    expect(findTimes(ahead, '1989-11-01').map((t) => t.value)).toEqual(['1989-Q3', '1989-Q4']);
  });
  it('reads "for a while" and "for some time" as stretches of unknown length', () => {
    const t = one('American forces could be in the gulf region for some time.', '1990-08-15', 'some time');
    expect([t.type, t.value]).toEqual(['DURATION', 'PXX']);
    expect(value('They will have to live without power for a while.', '1998-01-11', 'a while')).toBe('PXX');
    expect(texts('Some time ago, while we waited, it rained.')).toEqual([]);
  });
});

describe('market and business phrasing', () => {
  it('reads a zero-padded day ("September 01, 2007") and the start of the day, not "the end of the day"', () => {
    expect(value('The fire started on September 01, 2007.', '2007-09-03', 'September 01, 2007')).toBe('2007-09-01');
    expect(value('Following a large fall at the start of the day, the Dow recovered.', '2008-10-10', 'the start of the day')).toBe('2008-10-10');
    expect(texts('At the end of the day, it is about money.')).toEqual([]);
  });
  it('reads trading days, consecutive quarters, a single day, late in the day and the time being', () => {
    expect(value('For the past five trading days, stocks have been down.', '2011-03-18', 'the past five trading days')).toBe('P5D');
    expect(value('Japan posted two consecutive quarters of negative growth.', '2008-11-18', 'two consecutive quarters')).toBe('P2Q');
    expect(value('Losses grew over the past two quarters.', '1989-10-27', 'the past two quarters')).toBe('P2Q');
    expect(value('It was the worst single-day decline since 2001.', '2007-02-27', 'single-day')).toBe('P1D');
    expect(value('The Dow rebounded late in the day.', '2007-08-10', 'late in the day')).toBe('2007-08-10');
    expect(value('The downtrend will continue for the time being.', '2008-11-18', 'the time being')).toBe('PRESENT_REF');
    // a fraction is no time
    expect(texts('A quarter of the market fell.')).toEqual([]);
  });
});

describe('well-known days named by day and month (data/lexicons/named-days.tsv)', () => {
  it('dates "the September 11 attacks", "the Jan. 6 attack" and "9/11" to their year, after it', () => {
    expect(value('It was the biggest fall since the September 11 attacks.', '2007-02-27', 'September 11')).toBe('2001-09-11');
    expect(value('The Jan. 6 attack on the Capitol shocked the nation.', '2022-06-10', 'Jan. 6')).toBe('2021-01-06');
    expect(texts('Security was tightened after 9/11 and the 7/7 bombings.', '2011-05-02')).toEqual(['9/11', '7/7']);
    expect(value('Security was tightened after 9/11.', '2011-05-02', '9/11')).toBe('2001-09-11');
  });
  it('reads the file and names the line of a bad entry', () => {
    const [d] = parseNamedDays('# header\n09-11\tattacks|hijackings\t9/11\t2001\tattacks\n', 'x.tsv');
    expect([d.month, d.day, d.year, [...d.nouns], d.forms]).toEqual([9, 11, 2001, ['attacks', 'hijackings'], ['9/11']]);
    expect(() => parseNamedDays('9-11\tattacks\t-\t2001\tx\n', 'x.tsv')).toThrow(/x\.tsv:1/);
  });
  it('leaves other September 11ths, a full date, and stories told before the event alone', () => {
    expect(value('He said on September 11 that talks failed.', '2007-09-20', 'September 11')).toBe('2007-09-11');
    expect(value('Prices rose on 9/11/2001.', '2011-05-02', '9/11/2001')).toBe('2001-09-11');
    expect(texts('Prices rose 9/11.', '1999-05-02')).toEqual([]);
  });
});

describe('hundreds and vague counts', () => {
  it('reads "the 1800s" as a century and "days later" as a stretch, not a future time', () => {
    expect(value('Kaabu existed from the mid-1500s to the 1800s.', '2025-03-14', 'the 1800s')).toBe('18');
    expect(value('Prices fell in the 1990s.', '2025-03-14', 'the 1990s')).toBe('199');
    const t = one('Gunmen attacked a train on Tuesday. Just days later, a roadside bomb killed 18.', '2025-03-12', 'days');
    expect([t.type, t.value]).toEqual(['DURATION', 'PXD']);
    expect(value('The machines were removed a few years ago.', '1998-02-12', 'a few years ago')).toBe('PAST_REF');
  });
});

describe('words that look like times but are not', () => {
  it('skips titles that end in a frequency word or hold a weekday, and "the same quarter" of a city', () => {
    expect(texts('He wrote for The Washington Monthly and the Tuesday Morning Quarterback column.')).toEqual([]);
    expect(texts('Video footage from the same quarter showed a pile of bodies.', '2012-04-07')).toEqual([]);
    const text = 'Profit rose in the third quarter. Results for that quarter included a charge.';
    expect(findTimes(text, '1989-10-27').map((t) => t.value)).toEqual(['1989-Q3', '1989-Q3']);
  });
  it('skips titles, an idiom and a rate\'s unit of measure', () => {
    expect(texts('Baker said on ABC-TV\'s "This Week With David Brinkley" that the resolutions stand.')).toEqual([]);
    expect(texts('A poster showed Gary Cooper from the film "High Noon."')).toEqual([]);
    expect(texts('Intel clocks the chip at 15 million instructions per second.')).toEqual([]);
    // a unit starting a sentence and a recurring time still count
    expect(texts('This week the talks resumed, with two flights per week.')).toEqual(['This week', 'per week']);
    expect(texts('The ceasefire began at noon.')).toEqual(['noon']);
  });
});

describe('counting from the date the story set', () => {
  it('reads "the next day", "the same day", "that night" and "three days later" from the last date named', () => {
    const text = 'Troops entered Gao on March 3. The next day, rebels shelled the camp. Later that week talks began. Three days later the army withdrew. That night the town was quiet.';
    const got = findTimes(text, '2021-03-20').map((t) => [t.text, t.value]);
    expect(got).toEqual([
      ['March 3', '2021-03-03'],
      ['The next day', '2021-03-04'],
      ['Later that week', '2021-W09'],
      ['Three days later', '2021-03-07'],
      ['That night', '2021-03-07TNI'],
    ]);
  });
  it('puts a clock time with no day in its sentence on the day the story is telling, else the published day', () => {
    const text = 'Dr. Slepian was killed on Oct. 23, 1998. He was shot at 10 p.m. as he stood in his kitchen.';
    expect(findTimes(text, '1999-04-19').map((t) => [t.text, t.value])).toEqual([
      ['Oct. 23, 1998', '1998-10-23'],
      ['10 p.m.', '1998-10-23T22:00'],
    ]);
    expect(value('The vote closes at 5 p.m.', '2021-03-20', '5 p.m.')).toBe('2021-03-20T17:00');
  });
  it('counts "the following year" and "later that year" from the year the story is in', () => {
    expect(findTimes('The coup came in 2012. The following year, elections were held.', '2024-03-28').map((t) => t.value)).toEqual(['2012', '2013']);
    expect(findTimes('He fled in June 1998 and returned later that year.', '2000-01-28').map((t) => t.value)).toEqual(['1998-06', '1998']);
  });
  it('falls back to the published date when the story named no date before', () => {
    expect(value('The next day, rebels shelled the camp.', '2021-03-20', 'The next day')).toBe('2021-03-21');
    expect(value('Rebels attacked the camp that day.', '2021-03-20', 'that day')).toBe('2021-03-20');
  });
  it('crosses the year boundary and the leap day', () => {
    expect(findTimes('Fighting began on December 30. Two days later a truce was signed.', '2024-01-05').map((t) => t.value)).toEqual(['2023-12-30', '2024-01-01']);
    expect(findTimes('Talks opened on February 28, 2024. The next day they collapsed.', '2024-03-10').map((t) => t.value)).toEqual(['2024-02-28', '2024-02-29']);
    expect(findTimes('Talks opened on February 28, 2023. The next day they collapsed.', '2023-03-10').map((t) => t.value)).toEqual(['2023-02-28', '2023-03-01']);
  });
  it('reads "on the 13th" as a day of the month the story is in', () => {
    expect(findTimes('In April, talks failed. On the 13th, gunmen attacked.', '2018-05-15').map((t) => t.value)).toEqual(['2018-04', '2018-04-13']);
    // A day number above today's in a past report is last month's: February 29 of a leap year.
    expect(value('On the 29th, gunmen attacked the convoy.', '2024-03-05', 'the 29th')).toBe('2024-02-29');
  });
});

describe('night, ranges, brackets and names (ACLED-style notes)', () => {
  const pub = '2018-05-15';
  it('places "overnight" on the night of the day named with it or after it', () => {
    expect(findTimes('On 12 May, gunmen attacked the village overnight.', pub).map((t) => t.value)).toEqual(['2018-05-12', '2018-05-12TNI']);
    expect(value('Gunfire rocked the capital overnight on Wednesday.', '2011-03-25', 'overnight')).toBe('2011-03-23TNI');
    expect(value('Soldiers mutinied overnight, a reporter said Saturday.', '2011-04-17', 'overnight')).toBe('2011-04-15TNI');
    expect(texts('The government imposed an overnight curfew.', pub)).toEqual([]);
  });
  it('gives the first day of a range the month written after the second', () => {
    expect(findTimes('Between 3 and 5 May, clashes killed 12.', pub).map((t) => [t.text, t.value])).toEqual([['3', '2018-05-03'], ['5 May', '2018-05-05']]);
    expect(findTimes('On the night of 12 to 13 May, gunmen attacked.', pub).map((t) => t.value)).toEqual(['2018-05-12', '2018-05-13']);
    expect(findTimes('On 11-12 March 2017, troops swept the area.', pub).map((t) => t.value)).toEqual(['2017-03-11', '2017-03-12']);
  });
  it('takes an editor\'s bracketed or appended date over the relative reading', () => {
    expect(value('The party held a rally yesterday [5 July] in the capital.', '2013-07-07', 'yesterday')).toBe('2013-07-05');
    expect(value('Police attacked protesters last night, Friday 25 March.', '2011-03-27', 'last night')).toBe('2011-03-25TNI');
  });
  it('reads short-form dates ACLED notes use', () => {
    expect(value('On Oct. 17th, militants attacked a post.', '2018-10-19', 'Oct. 17th')).toBe('2018-10-17');
    expect(value('On October 27, militants attacked the camp.', '2018-10-29', 'October 27')).toBe('2018-10-27');
    // A day two days gone stays past even when the sentence has a forward-looking word.
    expect(value('On June 9, a convoy coming from Douentza was struck by an IED.', '2018-06-11', 'June 9')).toBe('2018-06-09');
  });
  it('skips dates that name a movement', () => {
    expect(texts('Militants of the February 25 Movement protested in Nouakchott.', pub)).toEqual([]);
    expect(texts('Students from the 20 February movement were arrested.', pub)).toEqual([]);
  });
});

describe('TimeML conventions for periods, quarters and fiscal phrases', () => {
  it('reads "the past year" and "the last decade" as the unit before the report, "the year ended" as a period', () => {
    expect(value('Hate groups grew over the past year.', '1998-03-03', 'the past year')).toBe('1997');
    expect(value('Wages lost ground in the last decade.', '1998-02-06', 'the last decade')).toBe('198');
    const t = one('Revenue was $76 million for the year ended March 31.', '1989-11-01', 'the year');
    expect([t.type, t.value]).toEqual(['DURATION', 'P1Y']);
    expect(value('Earnings will fall for the fiscal year.', '1989-11-02', 'the fiscal year')).toBe('1989');
    expect(value('Sales for the full year were $6.6 billion.', '1989-11-02', 'the full year')).toBe('1989');
  });
  it('reads "the quarter" as the quarter the story named, and compares figures with that quarter a year back', () => {
    const text = 'Profit fell in the fiscal first quarter. Sun shipped 28,000 systems in the quarter. Revenue rose to $538 million from $388 million a year earlier.';
    expect(findTimes(text, '1989-10-26').map((t) => [t.text, t.value])).toEqual([
      ['the fiscal first quarter', '1989-Q1'],
      ['the quarter', '1989-Q1'],
      ['a year earlier', '1988-Q1'],
    ]);
    expect(value('Sales fell 35% in January, compared to the same month a year ago.', '2009-02-03', 'the same month a year ago')).toBe('2008-01');
  });
  it('reads "the quarter ended <day>" as the quarter ending nearest that day when no quarter was named before', () => {
    expect(value('Sales rose in the quarter ended Sept. 30 to $747.8 million.', '1989-10-26', 'the quarter')).toBe('1989-Q3');
    // a fiscal quarter ending July 31 is reported as the calendar quarter whose end is nearest
    expect(value('In the quarter ended July 31, Jayark had 5.6 million shares.', '1989-10-30', 'the quarter')).toBe('1989-Q2');
    // across a year boundary: a quarter ended Jan. 2 is the previous year's fourth
    expect(value('For the quarter ended Jan. 2, profit doubled.', '1994-02-10', 'the quarter')).toBe('1993-Q4');
  });
  it('reads a trading day opened or closed as the story\'s day, and "recent years" as the recent past', () => {
    expect(value('The Dow fell 3.41% to end the day at 7,114.3.', '2009-02-23', 'the day')).toBe('2009-02-23');
    expect(value('The FTSE rose 0.9% to finish the day at 5,210.', '2009-10-12', 'the day')).toBe('2009-10-12');
    const t = one('Kidnappings have grown in recent years.', '1998-09-07', 'recent years');
    expect([t.type, t.value]).toEqual(['DATE', 'PAST_REF']);
    // shorter units stay stretches of time
    expect(one('Funds have sold junk bonds in recent weeks.', '1989-10-27', 'recent weeks').type).toBe('DURATION');
  });
  it('reads weeks of a month, short years and universal times', () => {
    expect(value('Car sales rebounded in the last week of March.', '2009-04-01', 'the last week of March')).toBe('2009-W13');
    expect(value('The Nikkei fell to its lowest level since \'82.', '2008-10-27', "'82")).toBe('1982');
    expect(value('At 0800 GMT the banks acted.', '2008-09-18', '0800 GMT')).toBe('2008-09-18T08:00Z');
    expect(value('The jet took off at 08:30 UTC.', '2005-04-27', '08:30 UTC')).toBe('2005-04-27T08:30Z');
  });
  it('reads a month before a noun as a date', () => {
    expect(value('The March accession will make them members.', '1999-02-10', 'March')).toBe('1999-03');
  });
});

describe('ranges, pairs and weeks named by a day', () => {
  it('keeps the far end of a range whose start is a bare weekday', () => {
    const found = findTimes('Connaught will extend its bid, due to expire last Thursday, to Nov. 6.', '1989-10-30').map((t) => [t.text, t.value]);
    expect(found).toEqual([['last Thursday', '1989-10-26'], ['Nov. 6', '1989-11-06']]);
  });
  it('reads the second day of "April 24 and 25" in the first one\'s month, but not a following count', () => {
    expect(value('The summit will be held on April 24 and 25.', '1999-02-10', '25')).toBe('1999-04-25');
    expect(texts('Fighting broke out on May 2 and 3 people died.', '1999-06-10')).toEqual(['May 2']);
    // A year after the pair dates both days.
    expect(findTimes('Journalists were in the square on June 3 and 4, 1989 and took pictures.', '2009-06-02').map((t) => [t.text, t.value])).toEqual([
      ['June 3', '1989-06-03'],
      ['4, 1989', '1989-06-04'],
    ]);
  });
  it('reads "the week of March 6" and "Easter week" as ISO weeks', () => {
    const t = one('The case may be resolved in a court hearing the week of March 6.', '2000-02-24', 'the week of March 6');
    expect([t.type, t.value]).toEqual(['DATE', '2000-W10']);
    expect(value('Protesters prayed as Easter week began.', '2000-04-17', 'Easter week')).toBe('2000-W16');
  });
  it('reads "the previous Friday" as the Friday before the day the story is about', () => {
    const text = 'Stocks fell Friday. The index ended 4.5% below the previous Friday.';
    expect(findTimes(text, '1989-10-30').map((t) => [t.text, t.value])).toEqual([
      ['Friday', '1989-10-27'],
      ['the previous Friday', '1989-10-20'],
    ]);
    // With no day named before it, it counts back from the published date.
    expect(value('The index ended 4.5% below the previous Friday.', '1989-10-30', 'the previous Friday')).toBe('1989-10-27');
  });
  it('reads "the quarter a year ago" as one expression: the quarter under discussion, a year back', () => {
    const text = 'Columbia announced a loss for the third quarter. For the quarter a year ago, it earned $16.3 million.';
    expect(findTimes(text, '1989-10-26').map((t) => [t.text, t.value])).toEqual([
      ['the third quarter', '1989-Q3'],
      ['the quarter a year ago', '1988-Q3'],
    ]);
  });
});
