// The dyad command line: thin wrappers over app/ use cases. Every error is one line on stderr and a
// non-zero exit; data goes to stdout in the chosen format (tables for people, JSON for machines).
import { Command, Option, CommanderError } from 'commander';
import { createInterface } from 'node:readline';
import { closeSync, openSync, writeSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { createEngine } from '../engine.js';
import { DyadError, oneLine } from '../core/errors.js';
import { openStore, exportRows, type EventFilter, type StoredEvent } from '../store/index.js';
import { ingestPaths } from '../app/ingest-run.js';
import { normaliseDate } from '../app/ingest/index.js';
import { annotationOf } from '../app/annotate.js';
import { ACTOR_COLUMNS, actorRow, listActors } from '../app/actors.js';
import { keyDates, relationsAsOf, relationHistory, shifts, timeline } from '../app/relations.js';
import { RELATION_KINDS, type RelationKind, type RelationState } from '../stages/relations/types.js';
import { formatRows, parseFormat, type OutputFormat } from './format.js';

const DEFAULT_DB = 'dyad.db';

function dbPath(opts: { db?: string }): string {
  return opts.db ?? process.env.DYAD_DB ?? DEFAULT_DB;
}

function out(s: string): void {
  process.stdout.write(s);
}

function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new DyadError('USAGE', `${name} must be a whole number, got "${v}"`);
    return n;
  };
}

function dateArg(name: string) {
  return (v: string): string => {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new DyadError('USAGE', `${name} must be YYYY, YYYY-MM or YYYY-MM-DD, got "${v}"`);
    return v;
  };
}

function actorLabel(a: StoredEvent['source']): string {
  if (!a) return '';
  return a.kind === 'person' ? `${a.code} ${a.name}` : a.code;
}

function flags(e: StoredEvent): string {
  return [e.negated ? 'negated' : '', e.hypothetical ? 'hypothetical' : '', e.future ? 'future' : '', e.historical ? 'historical' : '']
    .filter(Boolean)
    .join(',');
}

/** What a person reads in a table; machines get the full event. */
function eventRow(e: StoredEvent): Record<string, unknown> {
  return {
    date: e.date ?? '?',
    event: e.mode ? `${e.event}/${e.mode}` : e.event,
    source: actorLabel(e.source),
    target: actorLabel(e.target),
    cameo: e.cameo,
    quad: e.quad,
    goldstein: e.goldstein,
    flags: flags(e),
    evidence: e.evidence.text,
  };
}

/** A relation state as a table row: the first evidence sentence stands for the rest. */
function relationRow(r: RelationState): Record<string, unknown> {
  const attrs = Object.entries(r.attributes).map(([k, v]) => `${k}=${String(v)}`).join(' ');
  return {
    kind: r.subtype ? `${r.kind}/${r.subtype}` : r.kind,
    a: r.a,
    b: r.b,
    from: r.valid_from ?? '?',
    to: r.valid_to ?? '',
    attributes: attrs,
    reports: r.reports,
    evidence: r.evidence[0]?.text ?? '',
  };
}

function kindArg(v: string): RelationKind {
  if (!(RELATION_KINDS as readonly string[]).includes(v)) throw new DyadError('USAGE', `--kind must be one of ${RELATION_KINDS.join(', ')}, got "${v}"`);
  return v as RelationKind;
}

type FilterOpts = Pick<EventFilter, 'actor' | 'source' | 'target' | 'type' | 'since' | 'until' | 'limit'> & {
  article?: string;
  all?: boolean;
};

function filterOf(o: FilterOpts): EventFilter {
  return {
    actor: o.actor,
    source: o.source,
    target: o.target,
    type: o.type,
    since: o.since,
    until: o.until,
    limit: o.limit,
    articleId: o.article,
    includeNegated: o.all,
    includeHypothetical: o.all,
  };
}

function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--actor <code|name>', 'source or target: CAMEO code prefix (NER, NERMIL, IGO:ECOWAS), ISO3 or name')
    .option('--source <code|name>', 'source actor (same forms as --actor)')
    .option('--target <code|name>', 'target actor (same forms as --actor)')
    .option('--type <types>', 'PLOVER type or CAMEO root prefix; comma-separated for several (SANCTION,18)')
    .option('--since <date>', 'events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)', dateArg('--since'))
    .option('--until <date>', 'events on or before this date', dateArg('--until'))
    .option('--article <id>', 'events of one article')
    .option('--all', 'include negated, hypothetical and future events (left out by default)');
}

/** Reads JSON lines from stdin, calling fn for each parsed object; bad lines are reported and skipped. */
async function eachJsonLine(fn: (value: Record<string, unknown>, line: number) => void): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  let failed = 0;
  for await (const raw of rl) {
    n++;
    const line = raw.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      failed++;
      process.stderr.write(`stdin:${n}: invalid JSON (${oneLine(err)})\n`);
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      failed++;
      process.stderr.write(`stdin:${n}: expected a JSON object\n`);
      continue;
    }
    try {
      fn(value as Record<string, unknown>, n);
    } catch (err) {
      failed++;
      process.stderr.write(`stdin:${n}: ${oneLine(err)}\n`);
    }
  }
  return failed;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('dyad')
    .description('Turns news into coded events (PLOVER, CAMEO, Goldstein), actors and dates, stored in SQLite.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  const db = new Option('--db <file>', `SQLite database (default: $DYAD_DB or ./${DEFAULT_DB})`);

  program
    .command('ingest')
    .description('read articles (text, JSON lines, HTML, RSS/Atom, folders, - for stdin), code them and store them')
    .argument('<paths...>', 'files, folders (recursive) or - for stdin')
    .addOption(db)
    .option('--published <date>', 'published date for articles that carry none (YYYY-MM-DD)')
    .addOption(new Option('--input-format <format>', 'force the input format').choices(['auto', 'text', 'jsonl', 'json', 'html', 'feed']).default('auto'))
    .option('--max-size <MB>', 'largest file read whole, in MB', '20')
    .option('--quiet', 'no progress bar or warnings, only errors and the summary')
    .option('--names', 'also find people and organisations the lexicons miss, with the named-entity tagger (about a third slower)')
    .option('--format <format>', 'summary format: table or json', 'table')
    .action(async (paths: string[], o) => {
      if (o.published && !normaliseDate(o.published)) {
        throw new DyadError('USAGE', `--published must be a date like 2024-03-28, got "${o.published}"`);
      }
      const maxMb = Number(o.maxSize);
      if (!(maxMb > 0)) throw new DyadError('USAGE', `--max-size must be a positive number of MB, got "${o.maxSize}"`);
      const format = parseFormat(o.format, ['table', 'json']);
      const store = openStore(dbPath(o));
      const engine = createEngine({ entityTagger: Boolean(o.names) });
      const tty = Boolean(process.stderr.isTTY) && !o.quiet;
      const bar = tty
        ? new cliProgress.SingleBar(
            { format: 'ingest | {articles} articles read | {analysed} coded | {added} stored | {failed} failed | {duration_formatted}', hideCursor: true, clearOnComplete: true },
            cliProgress.Presets.shades_classic,
          )
        : null;
      bar?.start(1, 0, { articles: 0, analysed: 0, added: 0, failed: 0 });
      const messages: string[] = [];
      try {
        const sum = await ingestPaths(paths, {
          engine,
          store,
          read: { published: o.published ? normaliseDate(o.published)! : undefined, maxBytes: maxMb * 1e6, format: o.inputFormat },
          onError: (m) => (bar ? messages.push(`error: ${m}`) : process.stderr.write(`error: ${m}\n`)),
          onWarning: (m) => {
            if (o.quiet) return;
            if (bar) messages.push(`warning: ${m}`);
            else process.stderr.write(`warning: ${m}\n`);
          },
          onProgress: (s) => bar?.update(0, { articles: s.read, analysed: s.analysed, added: s.added, failed: s.failed }),
        });
        bar?.stop();
        for (const m of messages) process.stderr.write(m + '\n');
        const stats = store.stats();
        const mbs = sum.seconds > 0 ? sum.bytes / 1e6 / sum.seconds : 0;
        if (format === 'json') out(JSON.stringify({ ...sum, database: dbPath(o), total_articles: stats.articles, total_events: stats.events }) + '\n');
        else
          out(
            `read ${sum.read} articles: ${sum.added} new, ${sum.duplicates} already stored, ${sum.failed} failed; ` +
              `${sum.events} events coded; ${sum.warnings} warnings; ${sum.seconds.toFixed(1)} s (${mbs.toFixed(2)} MB/s)\n` +
              `${dbPath(o)} now holds ${stats.articles} articles and ${stats.events} events\n`,
          );
        if (sum.failed > 0) process.exitCode = 1;
      } finally {
        bar?.stop();
        store.close();
      }
    });

  addFilterOptions(
    program
      .command('events')
      .description('list stored events, newest evidence first within a date, filtered by actor, type and date')
      .addOption(db)
      .option('--limit <n>', 'at most n events (default 100 for tables)', positiveInt('--limit'))
      .option('--format <format>', 'table, json, jsonl or csv', 'table'),
  ).action((o) => {
    const format = parseFormat(o.format) as OutputFormat;
    const store = openStore(dbPath(o), { readonly: true });
    try {
      const filter = filterOf(o);
      if (format === 'table' && filter.limit === undefined) filter.limit = 100;
      const events = store.events(filter);
      if (format === 'table') {
        out(formatRows(events.map(eventRow), 'table', undefined, process.stdout.columns || 160));
        const total = store.countEvents({ ...filter, limit: undefined });
        process.stderr.write(`${events.length} of ${total} events${events.length < total ? ' (use --limit to see more)' : ''}\n`);
      } else {
        out(formatRows(events as unknown as Record<string, unknown>[], format, format === 'csv' ? Object.keys(eventRow(events[0] ?? ({} as StoredEvent))) : undefined));
      }
    } finally {
      store.close();
    }
  });

  addFilterOptions(
    program
      .command('export')
      .description('export events (all, or filtered) as CSV with GDELT-style column names, or JSON lines')
      .addOption(db)
      .option('--format <format>', 'csv or jsonl', 'csv')
      .option('--output <file>', 'write to a file instead of stdout')
      .option('--limit <n>', 'at most n events', positiveInt('--limit')),
  ).action((o) => {
    const format = parseFormat(o.format, ['csv', 'jsonl']) as 'csv' | 'jsonl';
    const store = openStore(dbPath(o), { readonly: true });
    // Written synchronously so millions of rows never pile up in memory (stdout to a file or pipe is
    // synchronous on Linux too).
    let fd: number | null = null;
    try {
      if (o.output) fd = openSync(o.output, 'w');
      const write = (chunk: string) => (fd !== null ? writeSync(fd, chunk) : process.stdout.write(chunk));
      const n = exportRows(store.iterateEvents(filterOf(o)), format, write);
      if (o.output) process.stderr.write(`${n} events written to ${o.output}\n`);
    } finally {
      store.close();
      if (fd !== null) closeSync(fd);
    }
  });

  program
    .command('annotate')
    .description('machine contract: JSON lines {id,text,published?,title?} on stdin -> one JSON analysis per line on stdout')
    .option('--explain', 'keep the reasons of every layer (events always carry theirs)')
    .option('--published <date>', 'published date for lines without one')
    .option('--names', 'also find people and organisations the lexicons miss, with the named-entity tagger (about a third slower)')
    .action(async (o) => {
      const engine = createEngine({ entityTagger: Boolean(o.names) });
      const fallback = o.published ? normaliseDate(o.published) : null;
      if (o.published && !fallback) throw new DyadError('USAGE', `--published must be a date like 2024-03-28, got "${o.published}"`);
      const failed = await eachJsonLine((v, line) => {
        if (typeof v.text !== 'string') throw new DyadError('INPUT', 'missing "text"');
        const published = typeof v.published === 'string' ? normaliseDate(v.published) : fallback;
        if (typeof v.published === 'string' && !published) process.stderr.write(`stdin:${line}: unparseable published date "${v.published}": treated as unknown\n`);
        const doc = engine.analyze({
          id: v.id != null ? String(v.id) : `line${line}`,
          text: v.text,
          published: published ?? fallback,
          title: typeof v.title === 'string' ? v.title : undefined,
        });
        out(JSON.stringify(annotationOf(doc, { explain: Boolean(o.explain) })) + '\n');
      });
      if (failed) process.exitCode = 1;
    });

  program
    .command('classify')
    .description('machine contract: JSON lines {id,text,source,target} on stdin -> {id,event,mode,quad,cameo,confidence}')
    .option('--explain', 'add the reason for each decision')
    .action(async (o) => {
      const engine = createEngine();
      const failed = await eachJsonLine((v) => {
        const r = engine.classify({ id: v.id as string | undefined, text: v.text as string, source: v.source as string, target: v.target as string });
        const { reason, negated, hypothetical, ...contract } = r;
        out(JSON.stringify(o.explain ? { ...contract, negated, hypothetical, reason } : contract) + '\n');
      });
      if (failed) process.exitCode = 1;
    });

  program
    .command('articles')
    .description('list stored articles, most recent first')
    .addOption(db)
    .option('--limit <n>', 'at most n articles', positiveInt('--limit'), 50)
    .option('--format <format>', 'table, json, jsonl or csv', 'table')
    .action((o) => {
      const format = parseFormat(o.format);
      const store = openStore(dbPath(o), { readonly: true });
      try {
        const rows = store.articles({ limit: o.limit }).map((a) => ({ id: a.id, published: a.published ?? '?', events: a.events, title: a.title ?? '', origin: a.origin ?? '' }));
        out(formatRows(rows, format, ['id', 'published', 'events', 'title', 'origin'], process.stdout.columns || 160));
      } finally {
        store.close();
      }
    });

  program
    .command('actors')
    .description('known actors with their codes, roles over time and mention counts; QUERY: a code (NER, NERGOV), an entity id or a name')
    .argument('[query]', 'code or prefix in capitals, entity id (person:mohamed-bazoum) or part of a name')
    .addOption(db)
    .option('--kind <kind>', 'only this kind: person, country, group, organisation')
    .option('--limit <n>', 'at most n actors', positiveInt('--limit'), 50)
    .option('--format <format>', 'table, json, jsonl or csv', 'table')
    .action((query: string | undefined, o) => {
      const format = parseFormat(o.format);
      const store = openStore(dbPath(o), { readonly: true });
      try {
        const actors = listActors(store, { query, kind: o.kind, limit: o.limit });
        if (format === 'json' || format === 'jsonl') out(formatRows(actors as unknown as Array<Record<string, unknown>>, format));
        else out(formatRows(actors.map(actorRow), format, ACTOR_COLUMNS, process.stdout.columns || 160));
      } finally {
        store.close();
      }
    });

  program
    .command('relations')
    .description('relation states of a country (ISO3) or organisation (IGO:ECOWAS), or of a pair: in force on a date, or all')
    .argument('<A>', 'party: ISO3 code (NER) or organisation code (IGO:ECOWAS)')
    .argument('[B]', 'the other party (either direction)')
    .addOption(db)
    .option('--as-of <date>', 'states in force on this date (YYYY, YYYY-MM or YYYY-MM-DD); without it, every interval', dateArg('--as-of'))
    .option('--known-at <date>', 'only what stories published by this date said', dateArg('--known-at'))
    .option('--kind <kind>', `one kind: ${RELATION_KINDS.join(', ')}`, kindArg)
    .option('--format <format>', 'table, json or jsonl', 'table')
    .action((a: string, b: string | undefined, o) => {
      const format = parseFormat(o.format, ['table', 'json', 'jsonl']);
      const store = openStore(dbPath(o), { readonly: true });
      try {
        const opts = { knownAt: o.knownAt, kind: o.kind };
        const states = o.asOf ? relationsAsOf(store, a, b, o.asOf, opts) : relationHistory(store, a, b, opts);
        if (format === 'table') out(formatRows(states.map(relationRow), 'table', ['kind', 'a', 'b', 'from', 'to', 'attributes', 'reports', 'evidence'], process.stdout.columns || 160));
        else out(formatRows(states as unknown as Record<string, unknown>[], format));
      } finally {
        store.close();
      }
    });

  program
    .command('timeline')
    .description('events and relation changes of a party or pair in date order, with a monthly Goldstein index')
    .argument('<A>', 'party: ISO3 code (NER) or organisation code (IGO:ECOWAS); or any actor: code (LBYREB), entity id or name')
    .argument('[B]', 'the other party or actor (either direction)')
    .addOption(db)
    .option('--key <n>', 'only the n days that matter most: recalled by later stories, reported by independent outlets, intense, with state changes; spread out', positiveInt('--key'))
    .option('--format <format>', 'table or json', 'table')
    .action((a: string, b: string | undefined, o) => {
      const format = parseFormat(o.format, ['table', 'json']);
      const store = openStore(dbPath(o), { readonly: true });
      try {
        const t = timeline(store, a, b);
        if (o.key !== undefined) {
          const keys = keyDates(t, o.key);
          if (format === 'json') out(JSON.stringify({ a: t.a, b: t.b, key: keys }) + '\n');
          else {
            const rows = keys.map((k) => ({ date: k.date, score: k.score, articles: k.articles, later: k.later_references, outlets: k.outlets, events: k.events, changes: k.state_changes.join('; '), evidence: k.evidence }));
            out(formatRows(rows, 'table', ['date', 'score', 'articles', 'later', 'outlets', 'events', 'changes', 'evidence'], process.stdout.columns || 160));
          }
          return;
        }
        if (format === 'json') {
          out(JSON.stringify({ a: t.a, b: t.b, entries: t.entries, months: t.months, states: t.states }) + '\n');
          return;
        }
        const width = process.stdout.columns || 160;
        const rows = t.entries.map((e) => ({ date: e.date ?? '?', type: e.type, what: e.what, source: e.source ?? '', target: e.target ?? '', goldstein: e.goldstein ?? '', evidence: e.evidence }));
        out(formatRows(rows, 'table', ['date', 'type', 'what', 'source', 'target', 'goldstein', 'evidence'], width));
        if (t.months.length) {
          out('\n');
          const months = t.months.map((m) => ({ month: m.month, events: m.events, goldstein: m.goldstein, q1: m.quad[1], q2: m.quad[2], q3: m.quad[3], q4: m.quad[4] }));
          out(formatRows(months, 'table', ['month', 'events', 'goldstein', 'q1', 'q2', 'q3', 'q4'], width));
        }
      } finally {
        store.close();
      }
    });

  program
    .command('shifts')
    .description('the sharpest changes between pairs: jumps in the monthly Goldstein index and relations ended or begun')
    .addOption(db)
    .option('--actor <party>', 'only pairs with this party: ISO3 code (NER) or organisation code (IGO:ECOWAS)')
    .option('--since <date>', 'changes on or after this date', dateArg('--since'))
    .option('--limit <n>', 'at most n shifts', positiveInt('--limit'), 20)
    .option('--format <format>', 'table, json or jsonl', 'table')
    .action((o) => {
      const format = parseFormat(o.format, ['table', 'json', 'jsonl']);
      const store = openStore(dbPath(o), { readonly: true });
      try {
        const list = shifts(store, { actor: o.actor, since: o.since, limit: o.limit });
        const rows = list as unknown as Record<string, unknown>[];
        if (format === 'table') out(formatRows(rows, 'table', ['date', 'a', 'b', 'type', 'what', 'magnitude', 'evidence'], process.stdout.columns || 160));
        else out(formatRows(rows, format));
      } finally {
        store.close();
      }
    });

  program
    .command('stats')
    .description('what the database holds')
    .addOption(db)
    .option('--format <format>', 'table or json', 'table')
    .action((o) => {
      const format = parseFormat(o.format, ['table', 'json']);
      const store = openStore(dbPath(o), { readonly: true });
      try {
        const s = store.stats();
        out(format === 'json' ? JSON.stringify(s) + '\n' : formatRows([s as unknown as Record<string, unknown>], 'table'));
      } finally {
        store.close();
      }
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; commander already printed its one-line message.
      return err.exitCode;
    }
    process.stderr.write(`dyad: ${oneLine(err)}\n`);
    return err instanceof DyadError && err.code === 'USAGE' ? 2 : 1;
  }
}
