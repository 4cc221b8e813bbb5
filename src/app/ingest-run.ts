// The ingest use case: read articles, skip ones already stored, analyse the rest, store them in batches.
// A bad file or article is reported and skipped; the rest of the batch goes on.
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Engine } from '../engine.js';
import type { Doc } from '../core/types.js';
import type { Store } from '../store/index.js';
import { oneLine } from '../core/errors.js';
import { articleKey, readPaths, itemMessage, type ReadOptions } from './ingest/index.js';

export interface IngestSummary {
  read: number;
  /** Articles analysed so far (stored when their batch commits). */
  analysed: number;
  added: number;
  duplicates: number;
  failed: number;
  events: number;
  warnings: number;
  seconds: number;
  bytes: number;
}

export interface IngestHooks {
  onError?(message: string): void;
  onWarning?(message: string): void;
  /** After each article (added or not), with the running summary. */
  onProgress?(summary: IngestSummary): void;
}

export interface IngestOptions extends IngestHooks {
  engine: Engine;
  store: Store;
  read?: ReadOptions;
  stdin?: NodeJS.ReadableStream;
  /** Articles per transaction; larger is faster, a crash loses at most the open batch. */
  batchSize?: number;
  /**
   * Heap budget in MB: after a batch, a heap above it is collected in full. V8 lets garbage pile up to about
   * twice the live heap before it does so itself, which on a long ingest doubles the memory the process holds.
   * 0 turns it off.
   */
  heapBudgetMB?: number;
}

let fullGc: (() => void) | null | undefined;
/** A full garbage collection, where the runtime allows one to be asked for (V8's gc, exposed at run time). */
function collectGarbage(): void {
  if (fullGc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      fullGc = vm.runInNewContext('gc') as () => void;
    } catch {
      fullGc = null;
    }
  }
  fullGc?.();
}

export async function ingestPaths(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const { engine, store } = opts;
  const batchSize = opts.batchSize ?? 64;
  const heapBudget = (opts.heapBudgetMB ?? 256) * 1024 * 1024;
  const t0 = process.hrtime.bigint();
  const sum: IngestSummary = { read: 0, analysed: 0, added: 0, duplicates: 0, failed: 0, events: 0, warnings: 0, seconds: 0, bytes: 0 };
  let batch: Array<{ doc: Doc; key: string; origin: string }> = [];
  const batchKeys = new Set<string>();

  const flush = () => {
    if (!batch.length) return;
    let results;
    try {
      results = store.addDocs(batch);
    } catch {
      // Isolate the article that fails so the rest of the batch is still stored.
      results = [];
      for (const item of batch) {
        try {
          results.push(store.addDoc(item.doc, item.key, { origin: item.origin }));
        } catch (err) {
          sum.failed++;
          opts.onError?.(`${item.origin}: could not store: ${oneLine(err)}`);
        }
      }
    }
    for (const r of results) {
      if (r.added) {
        sum.added++;
        sum.events += r.events;
      } else sum.duplicates++;
    }
    batch = [];
    batchKeys.clear();
    if (heapBudget > 0 && v8.getHeapStatistics().used_heap_size > heapBudget) collectGarbage();
  };

  for await (const item of readPaths(paths, opts.read ?? {}, opts.stdin)) {
    for (const w of item.warnings) {
      sum.warnings++;
      opts.onWarning?.(`${item.origin}: ${w}`);
    }
    if (item.error || !item.article) {
      sum.failed++;
      opts.onError?.(itemMessage(item));
      opts.onProgress?.(sum);
      continue;
    }
    sum.read++;
    sum.bytes += item.article.text.length;
    const key = articleKey(item.article.text);
    if (batchKeys.has(key) || store.hasKey(key)) {
      sum.duplicates++;
      opts.onProgress?.(sum);
      continue;
    }
    try {
      const doc = engine.analyze(item.article);
      sum.analysed++;
      doc.publishedFrom = item.publishedFrom ?? doc.publishedFrom;
      doc.warnings.push(...item.warnings);
      // The store keeps spans, not tokens: free them while the batch waits for its transaction.
      doc.tokens = [];
      batch.push({ doc, key, origin: item.origin });
      batchKeys.add(key);
    } catch (err) {
      sum.failed++;
      opts.onError?.(`${item.origin}: could not analyse: ${oneLine(err)}`);
    }
    if (batch.length >= batchSize) flush();
    opts.onProgress?.(sum);
  }
  flush();
  sum.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return sum;
}
