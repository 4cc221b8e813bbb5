// Main text and metadata from an HTML page in one streaming pass of htmlparser2 (no DOM is built).
// Text goes into buckets: the whole body, each <article>, each <main>; the best bucket wins at the end.

import { Parser } from 'htmlparser2';

/** Elements whose content is never article text. (<head> is not listed: pages that never close it still show their body.) */
const DROP = new Set([
  'script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'svg', 'iframe', 'template',
  'title', 'button', 'select', 'textarea', 'object', 'canvas', 'math', 'dialog', 'menu',
]);

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'figure', 'figcaption', 'address',
  'hr', 'center', 'details', 'summary', 'body', 'html', 'fieldset', 'legend', 'hgroup',
]);

/** Cells sit side by side: a space between them, not a paragraph. */
const CELL = new Set(['td', 'th']);

const WS_RE = /\s+/g;

/**
 * The page's text as one list of paragraphs. <article> and <main> are block elements, so a paragraph never
 * straddles their edges, and each is just a range of paragraph indices.
 */
class Paragraphs {
  paras: string[] = [];
  private lines: string[] = [];
  private cur = '';
  add(s: string): void {
    this.cur += s;
  }
  lineBreak(): void {
    if (this.cur) {
      const line = this.cur.replace(WS_RE, ' ').trim();
      if (line) this.lines.push(line);
      this.cur = '';
    }
  }
  paragraph(): void {
    this.lineBreak();
    if (this.lines.length) {
      this.paras.push(this.lines.length === 1 ? this.lines[0] : this.lines.join('\n'));
      this.lines = [];
    }
  }
  size(r: Range): number {
    let n = 0;
    for (let i = r.start; i < r.end; i++) n += this.paras[i].length;
    return n;
  }
  text(r: Range): string {
    return this.paras.slice(r.start, r.end).join('\n\n');
  }
}

interface Range {
  start: number;
  end: number;
}

export interface HtmlExtract {
  text: string;
  title: string | null;
  /** Published-date candidates in order of trust, each with where it came from. */
  dates: Array<{ label: string; value: string }>;
  url: string | null;
  /** og:site_name, when the page names its publication. */
  source: string | null;
}

const DATE_META: Array<[string, string]> = [
  ['article:published_time', 'meta article:published_time'],
  ['og:published_time', 'meta og:published_time'],
];
const DATE_META_LATE = ['date', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dc.date.issued', 'dcterms.date',
  'dcterms.issued', 'dcterms.created', 'citation_publication_date', 'parsely-pub-date', 'sailthru.date', 'datepublished'];

/** Extracts the article text, title, dates and url of a page. */
export function extractHtml(html: string): HtmlExtract {
  const out = new Paragraphs();
  const articles: Range[] = [];
  const mains: Range[] = [];
  const stack: Array<{ name: string; range: Range }> = [];
  let drop = 0;
  let dropTag = '';
  let pre = 0;
  let inArticle = 0;

  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  let scriptIsLd = false;
  let ldBuf = '';
  let titleTag: string | null = null;
  let inTitle = false;
  let titleBuf = '';
  let h1: string | null = null;
  let h1Article = false;
  let inH1 = 0;
  let h1Buf = '';
  const times: Array<{ value: string; inArticle: boolean }> = [];
  let canonical: string | null = null;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta') {
          const key = (attrs.property || attrs.name || attrs.itemprop || '').toLowerCase();
          if (key && attrs.content !== undefined && !meta.has(key)) meta.set(key, attrs.content);
        } else if (name === 'link') {
          if (!canonical && (attrs.rel || '').toLowerCase().split(/\s+/).includes('canonical') && attrs.href) canonical = attrs.href;
        } else if (name === 'time' || attrs.itemprop === 'datePublished') {
          const v = attrs.datetime || (name !== 'time' ? attrs.content : undefined);
          if (v) {
            if (attrs.itemprop === 'datePublished' && !meta.has('itemprop:datepublished')) meta.set('itemprop:datepublished', v);
            else if (name === 'time') times.push({ value: v, inArticle: inArticle > 0 });
          }
        } else if (name === 'title' && titleTag === null && drop === 0) {
          inTitle = true;
          titleBuf = '';
        } else if (name === 'h1' && h1 === null) {
          inH1++;
          h1Buf = '';
        } else if (name === 'script' && (attrs.type || '').toLowerCase() === 'application/ld+json') {
          scriptIsLd = true;
          ldBuf = '';
        }

        if (drop > 0) {
          if (name === dropTag) drop++;
          return;
        }
        if (DROP.has(name)) {
          drop = 1;
          dropTag = name;
          return;
        }
        if (name === 'br') {
          out.lineBreak();
          return;
        }
        if (CELL.has(name)) {
          out.add(' ');
          return;
        }
        if (BLOCK.has(name)) out.paragraph();
        if (name === 'pre') pre++;
        if (name === 'article' || name === 'main') {
          const range = { start: out.paras.length, end: -1 };
          (name === 'article' ? articles : mains).push(range);
          stack.push({ name, range });
          if (name === 'article') inArticle++;
        }
      },
      ontext(data) {
        if (inTitle) titleBuf += data;
        if (inH1 > 0) h1Buf += data;
        if (scriptIsLd) ldBuf += data;
        if (drop > 0) return;
        if (pre > 0 && data.includes('\n')) {
          const parts = data.split('\n');
          for (let i = 0; i < parts.length; i++) {
            if (i > 0) out.lineBreak();
            out.add(parts[i]);
          }
          return;
        }
        out.add(data);
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          if (titleTag === null) titleTag = titleBuf.replace(WS_RE, ' ').trim() || null;
        } else if (name === 'h1' && inH1 > 0) {
          inH1--;
          const t = h1Buf.replace(WS_RE, ' ').trim();
          if (t && h1 === null) {
            h1 = t;
            h1Article = inArticle > 0;
          }
        } else if (name === 'script' && scriptIsLd) {
          scriptIsLd = false;
          jsonLd.push(ldBuf);
        }

        if (drop > 0) {
          if (name === dropTag && --drop === 0) dropTag = '';
          return;
        }
        if (BLOCK.has(name)) out.paragraph();
        if (name === 'pre' && pre > 0) pre--;
        if ((name === 'article' || name === 'main') && stack.length && stack[stack.length - 1].name === name) {
          stack.pop()!.range.end = out.paras.length;
          if (name === 'article') inArticle--;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  // The longest <article> when it carries a fair share of the page; else <main>; else the whole body.
  out.paragraph();
  const whole = { start: 0, end: out.paras.length };
  for (const r of [...articles, ...mains]) if (r.end === -1) r.end = whole.end;
  const bodySize = out.size(whole);
  const best = pickLongest(out, articles);
  const main = pickLongest(out, mains);
  let range = whole;
  if (best && best.size >= 0.25 * bodySize) range = best.range;
  else if (main && main.size >= 0.25 * bodySize) range = main.range;
  const text = out.text(range);

  const ld = readJsonLd(jsonLd);
  const dates: HtmlExtract['dates'] = [];
  for (const [key, label] of DATE_META) {
    const v = meta.get(key);
    if (v) dates.push({ label, value: v });
  }
  if (ld.datePublished) dates.push({ label: 'JSON-LD datePublished', value: ld.datePublished });
  for (const key of DATE_META_LATE) {
    const v = meta.get(key);
    if (v) dates.push({ label: `meta ${key}`, value: v });
  }
  const itemprop = meta.get('itemprop:datepublished');
  if (itemprop) dates.push({ label: 'itemprop datePublished', value: itemprop });
  const time = times.find((t) => t.inArticle) ?? times[0];
  if (time) dates.push({ label: '<time datetime>', value: time.value });

  const title =
    clean(meta.get('og:title')) ?? clean(meta.get('twitter:title')) ?? clean(ld.headline) ??
    (h1Article ? h1 : null) ?? titleTag ?? h1;
  const url = clean(canonical) ?? clean(meta.get('og:url')) ?? clean(ld.url);
  return { text, title, dates, url, source: clean(meta.get('og:site_name')) };
}

/** The visible text of an HTML fragment (feed descriptions), paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html.replace(/[ \t]+/g, ' ').trim();
  return extractHtml(html).text;
}

function pickLongest(out: Paragraphs, ranges: Range[]): { range: Range; size: number } | null {
  let best: { range: Range; size: number } | null = null;
  for (const range of ranges) {
    const size = out.size(range);
    if (!best || size > best.size) best = { range, size };
  }
  return best;
}

function clean(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(WS_RE, ' ').trim();
  return t || null;
}

interface LdFields {
  datePublished?: string;
  headline?: string;
  url?: string;
}

/** The first article-like JSON-LD object's datePublished, headline and url (through arrays and @graph). */
function readJsonLd(blocks: string[]): LdFields {
  const out: LdFields = {};
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.datePublished === 'string' && !out.datePublished) out.datePublished = o.datePublished;
    if (typeof o.headline === 'string' && !out.headline) out.headline = o.headline;
    if (typeof o.url === 'string' && !out.url && typeof o.headline === 'string') out.url = o.url;
    if (o['@graph']) visit(o['@graph'], depth + 1);
    if (o.mainEntity) visit(o.mainEntity, depth + 1);
  };
  for (const raw of blocks) {
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // A broken JSON-LD block is common on real pages and only costs us a metadata source.
    }
  }
  return out;
}
