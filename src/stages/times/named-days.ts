// Well-known days that news names by day and month alone ("the September 11 attacks", "after 9/11"), from
// data/lexicons/named-days.tsv. Read once, when first needed.
import { DyadError } from '../../core/errors.js';
import { dataLines, loadDataFile } from '../../lexicons/tsv.js';

export interface NamedDay {
  month: number;
  day: number;
  /** Nouns that may follow the day and month for it to name this event ("attacks"). */
  nouns: Set<string>;
  /** Written forms that name the day on their own ("9/11"). */
  forms: string[];
  year: number;
  what: string;
  at: string;
}

export function parseNamedDays(text: string, file: string): NamedDay[] {
  return dataLines(text, file).map(({ cells, at }) => {
    const [md, nouns, forms, year, what] = cells;
    const m = /^(\d{2})-(\d{2})$/.exec(md ?? '');
    if (!m || !nouns || !forms || !/^\d{4}$/.test(year ?? '') || !what) {
      throw new DyadError('DATA', `${at}: expected month-day, nouns, forms, year and what happened, tab-separated`);
    }
    return {
      month: +m[1],
      day: +m[2],
      nouns: new Set(nouns.toLowerCase().split('|')),
      forms: forms === '-' ? [] : forms.split('|'),
      year: +year,
      what,
      at,
    };
  });
}

let cache: NamedDay[] | null = null;

export function namedDays(): NamedDay[] {
  cache ??= loadDataFile('lexicons/named-days.tsv', parseNamedDays);
  return cache;
}
