import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine.js';

const engine = createEngine();

describe('entities stage: names the lexicons do not know', () => {
  it('adds an untitled person and links a later bare surname to the same entity', () => {
    const doc = engine.analyze({
      text: 'Kofi Mensah-Darko criticised the plan on Monday. Later, Mensah-Darko and Ama Owusu met officials of the Sahel Solidarity Front in Accra.',
      published: '2024-05-02',
    });
    const people = doc.actors.filter((a) => a.kind === 'person');
    expect(people.map((p) => p.text)).toContain('Kofi Mensah-Darko');
    const full = people.find((p) => p.text === 'Kofi Mensah-Darko')!;
    const later = people.find((p) => p.text === 'Mensah-Darko');
    expect(later?.entity).toBe(full.entity);
    expect(full.code).toBe('UNK');
    expect(full.reason).toMatch(/named-entity tagger/);
  });

  it('leaves mentions the lexicons resolved alone, and adds nothing to a sentence without names', () => {
    const withTagger = engine.analyze({ text: 'President Mohamed Bazoum of Niger spoke with France.', published: '2021-12-10' });
    const without = createEngine({ entityTagger: false }).analyze({ text: 'President Mohamed Bazoum of Niger spoke with France.', published: '2021-12-10' });
    expect(withTagger.actors.map((a) => [a.text, a.code])).toEqual(without.actors.map((a) => [a.text, a.code]));
    const plain = engine.analyze({ text: 'the talks went on late into the night.', published: '2021-12-10' });
    expect(plain.actors).toEqual([]);
  });

  it('can be switched off', () => {
    const doc = createEngine({ entityTagger: false }).analyze({ text: 'Kofi Mensah-Darko criticised the plan on Monday.', published: '2024-05-02' });
    expect(doc.actors.some((a) => a.text.includes('Mensah'))).toBe(false);
  });
});
