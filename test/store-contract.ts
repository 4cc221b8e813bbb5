// The contract every Store implementation must meet. Call it from an implementation's test file:
//   storeContract('sqlite', () => openStore(tmpPath()), (old) => reopen(old))
// Every call is awaited, so an implementation whose methods return promises can be held to it as well.
import { afterEach, describe, expect, it } from 'vitest';
import { DyadError } from '../src/core/errors.js';
import type { Doc } from '../src/core/types.js';
import type { EventFilter, Store, StoredEvent } from '../src/store/store.js';
import { doc, docA1, docA2, event, franceGov, nigerGov, syntheticDoc, usGov, usMil } from './store-fixtures.js';

/** An article whose events end one agreement and sign another: the relation claims a store must keep. */
function agreementsDoc(id: string, published: string): Doc {
  const text = 'Niger’s junta terminated its security agreement with Washington. Paris signed a trade agreement with Niger’s junta.';
  const s1 = text.indexOf('Paris');
  return doc(id, {
    text,
    published,
    actors: [nigerGov(0), usGov(53), franceGov(s1), nigerGov(s1 + 37)],
    events: [
      event(id, 1, {
        event: 'SANCTION', mode: 'discontinue', cameo: '16', goldstein: -4, quad: 4,
        source: nigerGov(0), target: usGov(53), date: published, date_precision: 'day',
        evidence: { text: text.slice(0, s1 - 1), start: 0, end: s1 - 1 },
        trigger: { text: 'terminated its security agreement', start: 14, end: 47 },
      }),
      event(id, 2, {
        event: 'AGREE', cameo: '057', goldstein: 8, quad: 1,
        source: franceGov(s1), target: nigerGov(s1 + 37), date: '2019', date_precision: 'year',
        evidence: { text: text.slice(s1), start: s1, end: text.length },
        trigger: { text: 'signed a trade agreement', start: s1 + 6, end: s1 + 30 },
      }),
    ],
  });
}

type MaybePromise<T> = T | Promise<T>;

export interface ContractOptions {
  /** Closes the store and opens the same database again (to check that data persists). */
  reopen?: (store: Store) => MaybePromise<Store>;
}

export function storeContract(name: string, makeStore: () => MaybePromise<Store>, opts: ContractOptions = {}): void {
  describe(`Store contract: ${name}`, () => {
    const open: Store[] = [];
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });
    const fresh = async (): Promise<Store> => {
      const s = await makeStore();
      open.push(s);
      return s;
    };
    const seeded = async (): Promise<Store> => {
      const s = await fresh();
      await s.addDoc(docA1(), 'key-a1', { origin: 'a1.json' });
      await s.addDoc(docA2(), 'key-a2');
      return s;
    };
    const ids = async (s: Store, f: EventFilter = {}): Promise<string[]> => (await s.events(f)).map((e) => e.id);

    it('starts empty with a schema version', async () => {
      const s = await fresh();
      const st = await s.stats();
      expect(st).toMatchObject({ articles: 0, events: 0, actors: 0, mentions: 0 });
      expect(st.schemaVersion).toBeGreaterThanOrEqual(1);
      expect(await s.events({})).toEqual([]);
    });

    it('stores an article with its events, mentions and distinct actors', async () => {
      const s = await fresh();
      const r = await s.addDoc(docA1(), 'key-a1');
      expect(r).toEqual({ articleId: 'a1', added: true, events: 4 });
      expect(await s.stats()).toMatchObject({ articles: 1, events: 4, mentions: 3 });
      // Niger, USA, ECOWAS, Bazoum, France: the USA appears as USAMIL and USAGOV but is one entity.
      expect((await s.stats()).actors).toBe(5);
      expect(await s.hasKey('key-a1')).toBe(true);
      expect(await s.hasKey('key-other')).toBe(false);
    });

    it('does not add an article whose key is already stored', async () => {
      const s = await seeded();
      const before = await s.stats();
      const again = await s.addDoc(docA1(), 'key-a1');
      expect(again).toEqual({ articleId: 'a1', added: false, events: 0 });
      // The key decides, not the content or the id.
      expect((await s.addDoc(doc('other'), 'key-a2')).added).toBe(false);
      expect(await s.stats()).toEqual(before);
    });

    it('gives an article whose id is taken its own id, and its events unique ids', async () => {
      const s = await seeded();
      const r = await s.addDoc(docA1(), 'key-a1-copy');
      expect(r.added).toBe(true);
      expect(r.articleId).not.toBe('a1');
      const copies = await s.events({ articleId: r.articleId, includeNegated: true, includeHypothetical: true });
      expect(copies).toHaveLength(4);
      for (const e of copies) expect(e.article_id).toBe(r.articleId);
      const all = await s.events({ includeNegated: true, includeHypothetical: true });
      expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    });

    it('returns events as they were coded, with the article fields', async () => {
      const s = await seeded();
      const [e1] = await s.events({ articleId: 'a1', type: 'COERCE' });
      const original = docA1().events[0];
      expect(e1).toMatchObject({ ...original, published: '2024-03-28', title: 'Title of a1', url: 'https://news.example/a1' });
      expect(typeof e1.seq).toBe('number');
      // The whole actor mention survives, including role and reason.
      const [consult] = await s.events({ type: 'CONSULT' });
      expect(consult.source).toEqual(docA1().events[3].source);
      expect(consult.acled).toEqual({ event_type: 'Strategic developments', sub_event_type: 'Agreement' });
      const [assault] = await s.events({ type: 'ASSAULT' });
      expect(assault.source).toBeNull();
      expect(assault.fatalities).toBe(12);
      expect(assault.evidence.text).toBe('Gunmen killed 12 soldiers,\n"a massacre".');
    });

    it('leaves out negated, hypothetical and future events unless asked', async () => {
      const s = await seeded();
      expect(await ids(s)).toEqual(['a2-e2', 'a1-e4', 'a1-e1', 'a2-e1']);
      expect(await ids(s, { includeNegated: true })).toContain('a1-e2');
      expect(await ids(s, { includeNegated: true })).not.toContain('a1-e3');
      const hypo = await ids(s, { includeHypothetical: true });
      expect(hypo).toContain('a1-e3');
      expect(hypo).toContain('a2-e3');
      expect(hypo).not.toContain('a1-e2');
      const historical = (await s.events({ type: 'AGREE' }))[0];
      expect(historical.historical).toBe(true);
    });

    it('orders by date (partial dates at their start, undated last), then article, then evidence offset', async () => {
      const s = await seeded();
      expect(await ids(s, { includeNegated: true, includeHypothetical: true })).toEqual([
        'a2-e2', 'a1-e4', 'a1-e1', 'a1-e2', 'a1-e3', 'a2-e3', 'a2-e1',
      ]);
    });

    it('filters by actor code prefix, country, IGO name, entity id and name', async () => {
      const s = await seeded();
      expect(await ids(s, { actor: 'NER' })).toEqual(['a2-e2', 'a1-e4', 'a1-e1', 'a2-e1']);
      expect(await ids(s, { source: 'NER' })).toEqual(['a1-e4', 'a1-e1']);
      expect(await ids(s, { target: 'NERGOV' })).toEqual(['a2-e2', 'a2-e1']);
      expect(await ids(s, { actor: 'NERMIL' })).toEqual([]);
      expect(await ids(s, { actor: 'USA' })).toEqual(['a1-e1']);
      expect(await ids(s, { source: 'USAGOV', includeHypothetical: true })).toEqual(['a1-e3']);
      expect(await ids(s, { actor: 'IGO:ECOWAS', includeNegated: true })).toEqual(['a1-e2']);
      expect(await ids(s, { actor: 'ECOWAS', includeNegated: true })).toEqual(['a1-e2']);
      expect(await ids(s, { actor: 'IGO', includeNegated: true })).toEqual(['a1-e2']);
      expect(await ids(s, { actor: 'person:mohamed-bazoum' })).toEqual(['a1-e4']);
      expect(await ids(s, { actor: 'Bazoum' })).toEqual(['a1-e4']);
      expect(await ids(s, { actor: 'mohamed baz' })).toEqual(['a1-e4']);
      expect(await ids(s, { actor: 'united states', includeHypothetical: true })).toEqual(['a1-e1', 'a1-e3', 'a2-e3']);
      expect(await ids(s, { source: 'NER', target: 'FRA' })).toEqual(['a1-e4']);
    });

    it('filters by date span: a month-dated event is within a since/until inside that month', async () => {
      const s = await seeded();
      expect(await ids(s, { since: '2024-03-01' })).toEqual(['a1-e4', 'a1-e1']);
      expect(await ids(s, { since: '2024-03-15' })).toEqual(['a1-e4', 'a1-e1']);
      expect(await ids(s, { since: '2024-03' })).toEqual(['a1-e4', 'a1-e1']);
      expect(await ids(s, { since: '2024-03-17' })).toEqual(['a1-e4']);
      expect(await ids(s, { since: '2024-04' })).toEqual([]);
      expect(await ids(s, { since: '2024-04', includeHypothetical: true })).toEqual(['a2-e3']);
      expect(await ids(s, { until: '2024-03-01' })).toEqual(['a2-e2', 'a1-e4']);
      expect(await ids(s, { until: '2024-02' })).toEqual(['a2-e2']);
      expect(await ids(s, { since: '2023', until: '2023' })).toEqual(['a2-e2']);
      expect(await ids(s, { since: '2023-06-30', until: '2023-07-01' })).toEqual(['a2-e2']);
      expect(await ids(s, { since: '2024-03-16', until: '2024-03-16' })).toEqual(['a1-e4', 'a1-e1']);
      expect(await ids(s, { since: '2024' })).toEqual(['a1-e4', 'a1-e1']);
    });

    it('rejects malformed filters with a usage error', async () => {
      const s = await seeded();
      for (const bad of [{ since: 'March 2024' }, { until: '2024-13' }, { limit: -1 }, { offset: 1.5 }, { actor: ' ' }] as EventFilter[]) {
        await expect(async () => s.events(bad)).rejects.toThrow(DyadError);
      }
      await expect(async () => s.events({ since: 'yesterday' })).rejects.toThrow(/since.*YYYY/);
    });

    it('filters by PLOVER type, CAMEO prefix and article', async () => {
      const s = await seeded();
      expect(await ids(s, { type: 'COERCE' })).toEqual(['a1-e1']);
      expect(await ids(s, { type: 'coerce' })).toEqual(['a1-e1']);
      expect(await ids(s, { type: '17' })).toEqual(['a1-e1']);
      expect(await ids(s, { type: '19' })).toEqual(['a2-e1']);
      expect(await ids(s, { type: '0' })).toEqual(['a2-e2', 'a1-e4']);
      expect(await ids(s, { type: 'ASSAULT, AGREE' })).toEqual(['a2-e2', 'a2-e1']);
      expect(await ids(s, { articleId: 'a2' })).toEqual(['a2-e2', 'a2-e1']);
      expect(await ids(s, { articleId: 'nope' })).toEqual([]);
    });

    it('pages with limit/offset and counts without them', async () => {
      const s = await seeded();
      const all = await ids(s, { includeNegated: true, includeHypothetical: true });
      expect(await ids(s, { includeNegated: true, includeHypothetical: true, limit: 3 })).toEqual(all.slice(0, 3));
      expect(await ids(s, { includeNegated: true, includeHypothetical: true, limit: 3, offset: 3 })).toEqual(all.slice(3, 6));
      expect(await ids(s, { limit: 0 })).toEqual([]);
      expect(await s.countEvents({ includeNegated: true, includeHypothetical: true, limit: 2 })).toBe(7);
      expect(await s.countEvents({})).toBe(4);
      expect(await s.countEvents({ actor: 'NER', since: '2024-03' })).toBe(2);
    });

    it('iterates the same events lazily', async () => {
      const s = await seeded();
      const filter: EventFilter = { includeHypothetical: true, actor: 'NER' };
      const seen: StoredEvent[] = [];
      for await (const e of await s.iterateEvents(filter)) seen.push(e);
      expect(seen).toEqual(await s.events(filter));
      // Stopping early releases the query: the store stays usable.
      for await (const e of await s.iterateEvents({})) if (e) break;
      expect((await s.addDoc(doc('after-break'), 'key-after')).added).toBe(true);
      // A bad filter fails at the call, before any row is read.
      await expect(async () => s.iterateEvents({ since: 'soon' })).rejects.toThrow(DyadError);
    });

    it('lists articles newest first with their event counts', async () => {
      const s = await seeded();
      const list = await s.articles();
      expect(list.map((a) => a.id)).toEqual(['a2', 'a1']);
      expect(list[1]).toMatchObject({
        id: 'a1', key: 'key-a1', title: 'Title of a1', published: '2024-03-28', url: 'https://news.example/a1',
        source: 'Example Wire', origin: 'a1.json', events: 4,
      });
      expect(list[0].origin).toBeNull();
      expect(Number.isNaN(Date.parse(list[0].added_at))).toBe(false);
      expect(await s.articles({ limit: 1 })).toHaveLength(1);
    });

    it('stores a batch, skipping keys already stored or repeated in the batch', async () => {
      const s = await seeded();
      const res = await s.addDocs([
        { doc: syntheticDoc(1), key: 'k1', origin: 'batch' },
        { doc: docA1(), key: 'key-a1' },
        { doc: syntheticDoc(2), key: 'k2' },
        { doc: syntheticDoc(3), key: 'k2' },
      ]);
      expect(res.map((r) => r.added)).toEqual([true, false, true, false]);
      expect(res.map((r) => r.events)).toEqual([5, 0, 5, 0]);
      expect((await s.stats()).articles).toBe(4);
      expect(await s.addDocs([])).toEqual([]);
    });

    it('stores all of a batch or none of it', async () => {
      const s = await seeded();
      await s.addDocs([{ doc: syntheticDoc(1), key: 'k1' }]);
      const before = await s.stats();
      // The fourth doc cannot be serialised (a BigInt in an actor mention): the whole batch must roll back.
      const broken = syntheticDoc(4);
      (broken.events[2].source as unknown as Record<string, unknown>).extra = 10n;
      await expect(async () =>
        s.addDocs([
          { doc: syntheticDoc(2), key: 'k2' },
          { doc: syntheticDoc(3), key: 'k3' },
          { doc: broken, key: 'k4' },
          { doc: syntheticDoc(5), key: 'k5' },
        ]),
      ).rejects.toThrow();
      expect(await s.stats()).toEqual(before);
      for (const k of ['k2', 'k3', 'k4', 'k5']) expect(await s.hasKey(k)).toBe(false);
      expect(await s.hasKey('k1')).toBe(true);
      // A single article is all or nothing as well: no article row without its events.
      await expect(async () => s.addDoc(broken, 'k4')).rejects.toThrow();
      expect(await s.stats()).toEqual(before);
      // And the store still works afterwards.
      expect((await s.addDoc(syntheticDoc(2), 'k2')).added).toBe(true);
    });

    it('handles an event with duplicate ids in one article as an error, storing nothing of it', async () => {
      const s = await fresh();
      const d: Doc = doc('dup', {
        events: [
          event('dup', 1, { event: 'AID', source: usMil(), target: nigerGov() }),
          event('dup', 1, { event: 'AID', source: usMil(), target: nigerGov() }),
        ],
      });
      await expect(async () => s.addDoc(d, 'dup')).rejects.toThrow(DyadError);
      expect((await s.stats()).articles).toBe(0);
    });

    it('stores the relation claims of an article with it, found by party on either side', async () => {
      const s = await seeded();
      // a1 and a2: a negated sanction, a hypothetical threat, a future withdrawal make no claims.
      expect((await s.relationClaims({ a: 'NER', kind: 'sanctions' })).length).toBe(0);
      expect((await s.relationClaims({ a: 'NER', kind: 'presence' })).length).toBe(0);
      await s.addDoc(agreementsDoc('r1', '2024-03-28'), 'key-r1');
      const pair = await s.relationClaims({ a: 'USA', b: 'NER' });
      expect(pair).toHaveLength(1);
      expect(pair[0]).toMatchObject({
        kind: 'agreement', a: 'NER', b: 'USA', subtype: 'security', action: 'closes', date: '2024-03-28',
        precision: 'day', event_id: 'r1-e1', article_id: 'r1', published: '2024-03-28',
      });
      expect(pair[0].evidence.text).toBe('Niger’s junta terminated its security agreement with Washington.');
      expect(pair[0].added_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      // Same pair, other order; one party alone finds both sides; ordered by valid date.
      expect(await s.relationClaims({ a: 'NER', b: 'USA' })).toEqual(pair);
      const niger = await s.relationClaims({ a: 'NER' });
      expect(niger.map((c) => [c.kind, c.subtype, c.date])).toEqual([
        ['agreement', 'trade', '2019'],
        ['agreement', 'security', '2024-03-28'],
      ]);
      expect(await s.relationClaims({ b: 'FRA' })).toHaveLength(1);
      expect(await s.relationClaims({ a: 'DEU' })).toEqual([]);
      // A duplicate article adds no claims.
      await s.addDoc(agreementsDoc('r1', '2024-03-28'), 'key-r1');
      expect(await s.relationClaims({ a: 'NER' })).toHaveLength(2);
    });

    it('stores no claims of a batch that fails', async () => {
      const s = await fresh();
      const bad = docA1();
      bad.events[1].id = bad.events[0].id;
      await expect(async () => s.addDocs([{ doc: agreementsDoc('r1', '2024-03-28'), key: 'key-r1' }, { doc: bad, key: 'key-bad' }])).rejects.toThrow();
      expect(await s.relationClaims({})).toEqual([]);
    });

    if (opts.reopen) {
      const reopen = opts.reopen;
      it('keeps everything after closing and opening again', async () => {
        const s = await seeded();
        await s.addDoc(agreementsDoc('r1', '2024-03-28'), 'key-r1');
        const claims = await s.relationClaims({});
        expect(claims.length).toBeGreaterThan(0);
        const stats = await s.stats();
        const all = await s.events({ includeNegated: true, includeHypothetical: true });
        const again = await reopen(s);
        open.push(again);
        expect(await again.stats()).toEqual(stats);
        expect(await again.events({ includeNegated: true, includeHypothetical: true })).toEqual(all);
        expect(await again.relationClaims({})).toEqual(claims);
        expect((await again.addDoc(docA2(), 'key-a2')).added).toBe(false);
      });
    }
  });
}
