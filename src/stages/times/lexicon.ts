// Word tables for the time tagger. All keys are lower-case token texts (Token.lower).
// Facts: English calendar vocabulary and the TIMEX3 value conventions (ISO 8601 plus the TimeML
// tokens SP/SU/FA/WI for seasons, Q1-Q4, H1-H2, MO/AF/EV/NI for parts of the day, PAST_REF etc.).

/** Month names and their usual abbreviations -> month number. */
export const MONTHS = new Map<string, number>([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6],
  ['july', 7], ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Month words that are also common English words or names: accepted only in a date-like context. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'mar', 'jan', 'jun', 'june', 'april', 'august', 'sep', 'dec', 'oct', 'nov', 'feb', 'apr', 'aug', 'jul']);

/** Weekday -> ISO weekday number (Monday 1 .. Sunday 7). */
export const WEEKDAYS = new Map<string, number>([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
  ['mondays', 1], ['tuesdays', 2], ['wednesdays', 3], ['thursdays', 4], ['fridays', 5], ['saturdays', 6], ['sundays', 7],
]);

/** Words before a weekday that make it a name rather than a date ("Bloody Sunday", "Black Friday"). */
export const WEEKDAY_NAME_PREFIX = new Set(['bloody', 'black', 'good', 'holy', 'ash', 'palm', 'cyber', 'super', 'easter', 'maundy']);
/** Words after a capitalised weekday that make it a title ("Sunday Times", "Monday Night Football"). */
export const WEEKDAY_NAME_SUFFIX = new Set([
  'times', 'telegraph', 'express', 'mirror', 'post', 'herald', 'mail', 'tribune', 'observer', 'independent',
  'star', 'sport', 'people', 'night', 'nights', 'football', 'prayers', 'school', 'league', 'club', 'edition', 'magazine',
]);

export type Unit = 'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S' | 'Q' | 'DE' | 'CE' | 'FN' | 'WE' | 'HY';

/** Unit nouns (singular and plural) -> unit. */
export const UNITS = new Map<string, Unit>([
  ['year', 'Y'], ['years', 'Y'], ['yr', 'Y'], ['yrs', 'Y'],
  ['month', 'M'], ['months', 'M'],
  ['week', 'W'], ['weeks', 'W'],
  ['day', 'D'], ['days', 'D'],
  ['hour', 'H'], ['hours', 'H'], ['hrs', 'H'],
  ['minute', 'MIN'], ['minutes', 'MIN'], ['mins', 'MIN'],
  ['second', 'S'], ['seconds', 'S'],
  ['quarter', 'Q'], ['quarters', 'Q'],
  ['decade', 'DE'], ['decades', 'DE'],
  ['century', 'CE'], ['centuries', 'CE'],
  ['fortnight', 'FN'], ['fortnights', 'FN'],
  ['weekend', 'WE'], ['weekends', 'WE'],
]);

export const PLURAL_UNITS = new Set([
  'years', 'yrs', 'months', 'weeks', 'days', 'hours', 'hrs', 'minutes', 'mins', 'seconds', 'quarters', 'decades',
  'centuries', 'fortnights', 'weekends',
]);

export const NUMBER_WORDS = new Map<string, number>([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100], ['dozen', 12], ['half', 0.5],
]);

/** Vague quantities: the count is unknown (TIMEX3 "X"). */
export const VAGUE_QUANTITY = new Set(['few', 'several', 'many', 'some', 'numerous', 'multiple', 'couple']);

/** Approximation and bound words kept inside a duration's span ("more than", "nearly"). */
// "about" and "over" stay outside: in TimeML extents they are mostly prepositions ("over the weekend").
export const APPROX_ONE = new Set(['almost', 'nearly', 'around', 'roughly', 'approximately', 'some']);
export const APPROX_TWO = new Set(['more than', 'less than', 'fewer than', 'at least', 'up to', 'at most']);

export const ORDINALS = new Map<string, number>([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['1st', 1], ['2nd', 2], ['3rd', 3], ['4th', 4],
  ['last', -1], ['final', -1],
]);

export const SEASONS = new Map<string, string>([
  ['spring', 'SP'], ['summer', 'SU'], ['autumn', 'FA'], ['fall', 'FA'], ['winter', 'WI'],
]);

/** Start month of each season (northern hemisphere, meteorological). */
export const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export const PART_OF_DAY = new Map<string, string>([
  ['morning', 'MO'], ['afternoon', 'AF'], ['evening', 'EV'], ['night', 'NI'],
]);

/** Words that put a time expression before the reference ("last week"). */
export const PAST_DETERMINERS = new Set(['last', 'past', 'previous', 'preceding', 'recent', 'prior']);
export const FUTURE_DETERMINERS = new Set(['next', 'coming', 'following', 'upcoming']);

/** Adverbs meaning a set frequency. */
export const FREQUENCY_ADVERBS = new Map<string, string>([
  ['daily', 'P1D'], ['weekly', 'P1W'], ['monthly', 'P1M'], ['annually', 'P1Y'], ['yearly', 'P1Y'],
  ['quarterly', 'P3M'], ['hourly', 'PT1H'], ['nightly', 'P1D'], ['biweekly', 'P2W'], ['biannually', 'P6M'],
  ['fortnightly', 'P2W'],
]);

/**
 * One-word fuzzy references. Adverbs of sequence ("previously", "formerly", "then") order events
 * rather than name a time, so TimeML leaves them unmarked and so do we.
 */
export const FUZZY_WORDS = new Map<string, string>([
  ['now', 'PRESENT_REF'], ['currently', 'PRESENT_REF'], ['nowadays', 'PRESENT_REF'],
  ['recently', 'PAST_REF'], ['lately', 'PAST_REF'],
  ['soon', 'FUTURE_REF'],
]);

/** Prepositions that chrono keeps at the start of a match and TIMEX3 leaves outside. */
export const LEADING_PREPOSITIONS = /^(?:on|at|in|by|from|since|until|till|to|of|for|during|between|after|before|around|about|the)\s+/i;

/** Words before a bare number that make it a year ("in 1960", "since 2014"). */
export const YEAR_PREPOSITIONS = new Set([
  'in', 'since', 'until', 'till', 'by', 'of', 'from', 'between', 'during', 'through', 'throughout', 'before',
  'after', 'to', 'and', 'or', 'early', 'late', 'mid', 'fiscal', 'year', 'circa', 'c', 'around', 'spring',
  'summer', 'autumn', 'fall', 'winter', 'as', 'than', 'the', 'into', 'when', 'pre', 'post', 'calendar', 'back',
]);

/** Words after a number that make it a count, not a year ("1,500 troops", "2000 people"). */
export const COUNT_FOLLOWERS = new Set([
  'million', 'billion', 'trillion', 'thousand', 'hundred', 'percent', 'per', '%', 'pct', 'points', 'point',
  'people', 'troops', 'soldiers', 'men', 'women', 'children', 'dead', 'deaths', 'killed', 'cases', 'votes',
  'tons', 'tonnes', 'barrels', 'kilometres', 'kilometers', 'km', 'miles', 'metres', 'meters', 'feet', 'acres',
  'dollars', 'euros', 'pounds', 'yuan', 'yen', 'rupees', 'shares', 'units', 'vehicles', 'families', 'homes',
  'houses', 'jobs', 'workers', 'students', 'refugees', 'migrants', 'prisoners', 'members', 'delegates', 'seats',
  'mw', 'kg', 'hectares', 'square', 'times', 'hours', 'days', 'minutes', 'weeks', 'months', 'years', 'am', 'pm',
  'a.m', 'p.m', 'a.m.', 'p.m.', 'gmt', 'utc', 'hrs', 'x',
]);

/** Lower-case words whose plural-looking final s does not make them a counted noun. */
export const NOT_PLURAL_NOUNS = new Set([
  'was', 'has', 'is', 'as', 'its', 'this', 'his', 'thus', 'was', 'does', 'says', 'plus', 'versus', 'vs', 'us',
  'crisis', 'status', 'census', 'analysis', 'process', 'congress', 'campus', 'consensus', 'elections', 'olympics',
  'games', 'talks', 'negotiations', 'protests', 'riots', 'attacks', 'accords', 'sanctions', 'elections', 'levels',
  'figures', 'standards', 'prices', 'rates', 'terms', 'series', 'reforms', 'hostilities', 'agreements', 'dollars',
]);
