// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item or entry becomes an article.
// Text-bearing elements are parsed as stop nodes (raw inner XML), so CDATA, escaped HTML and inline
// XHTML all reach the same HTML extractor in document order.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { finishArticle, type ReadItem, type ReadOptions } from './article.js';
import { htmlToText } from './html.js';

const RAW_TAGS = ['description', 'content:encoded', 'content', 'summary', 'title'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  stopNodes: RAW_TAGS.map((t) => `*.${t}`),
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

/** The root element's name after the XML declaration, comments and doctype ("rss", "feed", "rdf:RDF", "html"). */
export function xmlRootName(text: string): string | null {
  // <?xml ...?> and <!DOCTYPE ...> cannot match the pattern; comments could hide a tag, so they go first.
  const head = text.slice(0, 8192).replace(/<!--[\s\S]*?-->/g, '');
  const m = /<([A-Za-z_][\w:.-]*)/.exec(head);
  return m ? m[1] : null;
}

export function isFeedRoot(name: string | null): boolean {
  return name === 'rss' || name === 'feed' || name === 'rdf:RDF' || name === 'RDF';
}

export function readFeed(xml: string, origin: string, opts: ReadOptions): ReadItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const e = valid.err;
    return [{ origin, warnings: [], error: `not well-formed XML (line ${e.line}: ${e.msg.replace(/\s+/g, ' ')})` }];
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    return [{ origin, warnings: [], error: `not well-formed XML (${err instanceof Error ? err.message : String(err)})` }];
  }
  const rss = doc.rss as Node | undefined;
  const atom = doc.feed as Node | undefined;
  const rdf = (doc['rdf:RDF'] ?? doc.RDF) as Node | undefined;
  let items: Node[];
  let feedTitle: string | null;
  if (rss || rdf) {
    const channel = ((rss ?? rdf) as Node).channel as Node | undefined;
    items = asNodes((rss ? channel?.item : rdf?.item) ?? []);
    feedTitle = channel ? textOf(channel.title) : null;
  } else if (atom) {
    items = asNodes(atom.entry ?? []);
    feedTitle = textOf(atom.title);
  } else {
    const root = Object.keys(doc).find((k) => !k.startsWith('?'));
    return [{ origin, warnings: [], error: `XML but not an RSS or Atom feed (root element <${root ?? '?'}>)` }];
  }
  if (items.length === 0) return [{ origin, warnings: [], error: 'feed has no items' }];
  return items.map((item, i) => readItem(item, `${origin}#item${i + 1}`, feedTitle, opts));
}

function readItem(item: Node, origin: string, feedTitle: string | null, opts: ReadOptions): ReadItem {
  const title = textOf(item.title);
  // The full story when the feed carries it, else the summary, else the title alone.
  const body = textOf(item['content:encoded']) ?? textOf(item.content) ?? textOf(item.description) ?? textOf(item.summary);
  const text = body ?? title;
  if (!text) return { origin, warnings: [], error: 'item has no text (no description, content or title)' };
  const dates: Array<{ label: string; value: unknown }> = [];
  for (const key of ['pubDate', 'dc:date', 'published', 'updated', 'dc:created', 'dcterms:issued']) {
    const v = plain(item[key]);
    if (v) dates.push({ label: `<${key}>`, value: v });
  }
  const result = finishArticle(origin, { id: plain(item.guid) ?? plain(item.id) ?? undefined, text, title, url: linkOf(item), source: feedTitle, dates }, opts);
  if (result.article && !body) result.warnings.push('item has only a title: the title is the text');
  return result;
}

function asNodes(v: unknown): Node[] {
  // An empty <item/> parses as "": it becomes an empty node, so it gets its own error and numbering stays right.
  return (Array.isArray(v) ? v : [v]).map((x) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Node) : {}));
}

/** A simple element's text (dates, guid, id). */
function plain(v: unknown): string | null {
  if (Array.isArray(v)) v = v[0];
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object') {
    const t = (v as Node)['#text'];
    return typeof t === 'string' ? t.trim() || null : null;
  }
  return null;
}

/** A raw (stop-node) element's readable text: entities and CDATA resolved, HTML reduced to its text. */
function textOf(v: unknown): string | null {
  if (Array.isArray(v)) v = v[0];
  let raw: string | null = null;
  let type = '';
  if (typeof v === 'string') raw = v;
  else if (v && typeof v === 'object') {
    const t = (v as Node)['#text'];
    raw = typeof t === 'string' ? t : null;
    type = String((v as Node)['@_type'] ?? '').toLowerCase();
  }
  if (raw === null || raw.trim() === '') return null;
  // xhtml content is markup already; everything else is character data that may hold escaped HTML.
  const decoded = type === 'xhtml' ? raw : unescapeXml(raw);
  const text = type === 'text' ? decoded.replace(/[ \t]+/g, ' ').trim() : htmlToText(decoded);
  return text || null;
}

function linkOf(item: Node): string | null {
  const links = Array.isArray(item.link) ? item.link : item.link === undefined ? [] : [item.link];
  let fallback: string | null = null;
  for (const l of links) {
    if (typeof l === 'string' && l.trim()) return l.trim();
    if (l && typeof l === 'object') {
      const href = (l as Node)['@_href'];
      const rel = (l as Node)['@_rel'];
      if (typeof href !== 'string') {
        const t = plain(l);
        if (t) return t;
        continue;
      }
      if (rel === undefined || rel === 'alternate') return href;
      fallback ??= href;
    }
  }
  return fallback;
}

const XML_ENTITY_RE = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves CDATA sections and XML's own entities; other named entities (&nbsp;) are HTML's and stay for the HTML step. */
function unescapeXml(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw.indexOf('<![CDATA[', i);
    const plainPart = raw.slice(i, c === -1 ? raw.length : c);
    out += plainPart.replace(XML_ENTITY_RE, (_m, hex: string, dec: string, name: string) => {
      if (name) return NAMED[name.toLowerCase()];
      const cp = hex ? parseInt(hex, 16) : Number(dec);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    });
    if (c === -1) break;
    const end = raw.indexOf(']]>', c + 9);
    const stop = end === -1 ? raw.length : end;
    // CDATA holds HTML as is; a literal & or < in it must survive the HTML step unchanged, which it does.
    out += raw.slice(c + 9, stop);
    i = end === -1 ? raw.length : end + 3;
  }
  return out;
}
