// The steps every reader shares once it has a text and some metadata: strip the date header, take a
// title from a plain-text first line, and pick the published date by precedence.

import type { Article } from '../../core/types.js';
import { closestYear, findDateHeader, findDateline, normaliseDate } from './dates.js';
import { normaliseNewlines } from './decode.js';

export type PublishedFrom = 'metadata' | 'header' | 'dateline' | 'flag' | null;

export interface ReadItem {
  /** Where the article came from: "path/to/file.txt", "feed.xml#item3", "batch.jsonl:17", "-" (stdin). */
  origin: string;
  article?: Article;
  /** Which source gave article.published (the Doc.publishedFrom of the analysed article). */
  publishedFrom?: PublishedFrom;
  warnings: string[];
  /** One line, without the origin; show it as `${origin}: ${error}` (see itemMessage). */
  error?: string;
}

export interface ReadOptions {
  /** Fallback published date (the --published flag), used when the article has none of its own. */
  published?: string;
  /** Largest file read whole, and largest JSON line; default 20 MB. */
  maxBytes?: number;
  /** Force a format instead of the file extension or sniffing. 'json' is one document (object or array). */
  format?: 'auto' | 'text' | 'jsonl' | 'json' | 'html' | 'feed';
}

export const NO_DATE_WARNING = 'no published date: stored with an unknown date';

export interface Fields {
  id?: string;
  text: string;
  title?: string | null;
  url?: string | null;
  source?: string | null;
  /** Metadata dates in order of trust (JSON field, HTML meta, feed date), each labelled for warnings. */
  dates?: Array<{ label: string; value: unknown }>;
  /** Plain-text file: the first line may be a title. */
  plainTitle?: boolean;
}

// A title line: short, not ending like a sentence, followed by a blank line.
const TITLE_RE = /^[ \t]*(?:#{1,6}[ \t]+)?([^\n]{1,150}?)[ \t]*\n[ \t]*\n/;

export function finishArticle(origin: string, f: Fields, opts: ReadOptions): ReadItem {
  const warnings: string[] = [];
  let text = normaliseNewlines(f.text);

  let headerDate: string | null = null;
  const header = findDateHeader(text);
  if (header) {
    text = text.slice(header.end);
    headerDate = header.value;
    if (!header.value) warnings.push(`unparseable date "${header.raw}" in the date header: ignored`);
  }
  if (text.trim() === '') {
    return { origin, warnings, error: header ? 'no article text after the date header' : 'no text' };
  }

  let title = f.title?.trim() || undefined;
  if (!title && f.plainTitle) title = plainTitle(text);

  let published: string | null = null;
  let from: PublishedFrom = null;
  for (const d of f.dates ?? []) {
    if (d.value === undefined || d.value === null || d.value === '') continue;
    const v = typeof d.value === 'number' ? epochDate(d.value) : typeof d.value === 'string' ? normaliseDate(d.value) : null;
    if (v) {
      published = v;
      from = 'metadata';
      break;
    }
    warnings.push(`unparseable date ${JSON.stringify(d.value)} in ${d.label}: ignored`);
  }
  if (!published && headerDate) {
    published = headerDate;
    from = 'header';
  }
  const flag = opts.published === undefined ? null : normaliseDate(opts.published);
  if (opts.published !== undefined && !flag) warnings.push(`--published value ${JSON.stringify(opts.published)} is not a date: ignored`);
  if (!published) {
    const dl = findDateline(text);
    if (dl?.value) {
      published = dl.value;
      from = 'dateline';
    } else if (dl?.monthDay) {
      if (flag) {
        published = closestYear(dl.monthDay, flag);
        from = 'dateline';
        warnings.push(`dateline date "${dl.raw}" has no year: took the year from --published`);
      } else {
        warnings.push(`dateline date "${dl.raw}" has no year: not used`);
      }
    }
  }
  if (!published && flag) {
    published = flag;
    from = 'flag';
  }
  if (!published) warnings.push(NO_DATE_WARNING);

  const article: Article = { text, published };
  if (f.id !== undefined && f.id !== '') article.id = f.id;
  if (title) article.title = title;
  const url = f.url?.trim();
  if (url) article.url = url;
  const source = f.source?.trim();
  if (source) article.source = source;
  return { origin, article, publishedFrom: from, warnings };
}

/**
 * The first line of a plain-text file is its title when it is short, does not end with a period (or other
 * sentence punctuation, a question or exclamation mark aside) and a blank line follows. The title also stays in the
 * text, which is kept as given so offsets point into the file.
 */
function plainTitle(text: string): string | undefined {
  const m = TITLE_RE.exec(text);
  if (!m) return undefined;
  const line = m[1].trim();
  if (!line || /[.,;:]$/.test(line) || !/\p{L}/u.test(line) || line.split(/\s+/).length > 25) return undefined;
  if (findDateline(line + ' -')) return undefined;
  return line;
}

function epochDate(n: number): string | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  return normaliseDate(String(Math.round(n)));
}
