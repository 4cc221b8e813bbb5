// Throughput and memory of the whole pipeline (read, analyse, store) over the timeline17 corpus, with
// wink-nlp's tokenizer on the same text as a near-limit reference. A benchmark, not a test: it prints
// figures for README, it asserts nothing. Run: npm run bench [-- corpus-dir]
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine } from '../src/engine.js';
import { openStore } from '../src/store/index.js';
import { ingestPaths } from '../src/app/ingest-run.js';

const require = createRequire(import.meta.url);
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const corpus = resolve(positional[0] ?? join(process.cwd(), '..', 'shared', 'corpora', 'timeline17'));
if (!existsSync(corpus)) {
  console.error(`bench: corpus not found at ${corpus} (pass its folder as the first argument)`);
  process.exit(2);
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function runPipeline() {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-'));
  const dbFile = join(dir, 'bench.db');
  const store = openStore(dbFile);
  // --names: the pipeline with the named-entity tagger (dyad ingest --names), for comparison.
  const engine = createEngine({ entityTagger: process.argv.includes('--names') });
  let errors = 0;
  const t0 = process.hrtime.bigint();
  const sum = await ingestPaths([corpus], { engine, store, onError: () => errors++ });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const stats = store.stats();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return { sum, seconds, errors, stats };
}

function corpusTexts(): string[] {
  const texts: string[] = [];
  for (const f of readdirSync(corpus).sort()) {
    if (!f.endsWith('.jsonl')) continue;
    for (const line of readFileSync(join(corpus, f), 'utf8').split('\n')) {
      if (line.trim()) texts.push(JSON.parse(line).text as string);
    }
  }
  return texts;
}

function runWink(texts: string[]) {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model, []); // empty pipe: tokenization only
  let tokens = 0;
  let bytes = 0;
  const t0 = process.hrtime.bigint();
  for (const t of texts) {
    tokens += nlp.readDoc(t).tokens().length();
    bytes += Buffer.byteLength(t);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { tokens, bytes, seconds };
}

const { sum, seconds, errors, stats } = await runPipeline();
const rssAfterPipeline = peakRssMb();
const texts = corpusTexts();
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const wink = runWink(texts);

const mb = bytes / 1e6;
console.log(`dyad pipeline benchmark on ${corpus}`);
console.log(`node ${process.version}, one process, one core`);
console.log('');
console.log(`articles            ${sum.read} read, ${sum.added} stored, ${sum.duplicates} duplicates, ${errors} errors`);
console.log(`text                ${mb.toFixed(1)} MB`);
console.log(`time                ${seconds.toFixed(1)} s`);
console.log(`articles/s          ${(sum.read / seconds).toFixed(0)}`);
console.log(`MB/s                ${(mb / seconds).toFixed(2)}  (read + analyse + store)`);
console.log(`events found        ${stats.events}`);
console.log(`actor mentions      ${stats.mentions}`);
console.log(`peak RSS            ${rssAfterPipeline.toFixed(0)} MB (pipeline)`);
console.log('');
console.log(`wink-nlp tokenizer  ${(wink.bytes / 1e6 / wink.seconds).toFixed(2)} MB/s, ${(wink.tokens / wink.seconds / 1e3).toFixed(0)}k tokens/s (same text, tokenization only)`);
console.log(`dyad / wink         ${((mb / seconds) / (wink.bytes / 1e6 / wink.seconds)).toFixed(2)}x of the tokenizer's speed for the whole pipeline`);
