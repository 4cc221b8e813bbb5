// The actors stage on sentences written for these tests: country forms, ambiguity, sector nouns,
// organisations, armed groups, people with dated roles, context (antecedents, focus country).
import { describe, expect, it } from 'vitest';
import type { ActorMention, Doc } from '../src/core/types.js';
import { DyadError } from '../src/core/errors.js';
import { segment } from '../src/stages/segment/segment.js';
import { actorsStage, findActors, lookupCountry } from '../src/stages/actors/index.js';
import { parseTsv } from '../src/stages/actors/tsv.js';

function docOf(text: string, published: string | null = null): Doc {
  const { sentences, tokens } = segment(text);
  return {
    id: 't',
    text,
    title: null,
    published,
    publishedFrom: published ? 'metadata' : null,
    url: null,
    source: null,
    sentences,
    tokens,
    actors: [],
    times: [],
    places: [],
    events: [],
    warnings: [],
  };
}

function actors(text: string, published: string | null = '2023-09-01'): ActorMention[] {
  return findActors(docOf(text, published));
}

/** The mention whose text is exactly `text` (first one), or undefined. */
function at(ms: ActorMention[], text: string, nth = 0): ActorMention | undefined {
  return ms.filter((m) => m.text === text)[nth];
}

function codes(text: string, published?: string | null): string[] {
  return actors(text, published).map((m) => m.code);
}

describe('countries: names, short and official names, alternative spellings', () => {
  it.each([
    ['The U.S. said no.', 'USA'],
    ['The US said no.', 'USA'],
    ['The USA said no.', 'USA'],
    ['The United States of America said no.', 'USA'],
    ['The Republic of Niger said no.', 'NER'],
    ['The UK said no.', 'GBR'],
    ['Britain said no.', 'GBR'],
    ["Côte d'Ivoire said no.", 'CIV'],
    ['Ivory Coast said no.', 'CIV'],
    ['Türkiye said no.', 'TUR'],
    ['Burma said no.', 'MMR'],
  ])('%s -> %s GOV', (text, iso) => {
    const ms = actors(text);
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ kind: 'country', country: iso, sector: 'GOV', code: `${iso}GOV`, entity: `country:${iso}` });
    expect(ms[0].reason).toMatch(/stands for its government/);
  });

  it('does not read the pronoun "us" as the United States', () => {
    expect(actors('Let us go, he told us.')).toEqual([]);
  });

  it('matches lower-case country names, as in headlines', () => {
    const ms = actors('niger junta ends pact with mali');
    expect(ms.map((m) => m.code)).toEqual(['NERMIL', 'MLIGOV']);
  });

  it('reads a country after "in" or a direction as a place, not an actor', () => {
    const ms = actors('Fighting in Mali spread to northern Niger, and Niger protested.');
    expect(ms.map((m) => [m.text, m.kind, m.code])).toEqual([
      ['Mali', 'location', 'MLI'],
      ['Niger', 'location', 'NER'],
      ['Niger', 'country', 'NERGOV'],
    ]);
  });

  it('splits hyphenated pairs of countries into two mentions with their own spans', () => {
    const text = 'US-Niger cooperation grew.';
    const ms = actors(text);
    expect(ms.map((m) => [m.text, m.code, m.start, m.end])).toEqual([
      ['US', 'USAGOV', 0, 2],
      ['Niger', 'NERGOV', 3, 8],
    ]);
  });
});

describe('demonyms and adjectives', () => {
  it('keeps Niger (Nigerien) and Nigeria (Nigerian) apart', () => {
    const ms = actors('Nigerien soldiers and Nigerian soldiers met.');
    expect(ms.map((m) => m.code)).toEqual(['NERMIL', 'NGAMIL']);
  });

  it.each([
    ['Qatari officials arrived.', 'QATGOV'],
    ['Emirati officials arrived.', 'AREGOV'],
    ['Ivorian officials arrived.', 'CIVGOV'],
    ['American officials arrived.', 'USAGOV'],
    ['French officials arrived.', 'FRAGOV'],
    ['Saudi officials arrived.', 'SAUGOV'],
  ])('%s -> %s', (text, code) => {
    expect(codes(text)).toEqual([code]);
  });

  it('codes nationals (plural demonyms) as civilians of the country', () => {
    const m = actors('Nigeriens queued for bread.')[0];
    expect(m).toMatchObject({ code: 'NERCVL', country: 'NER', sector: 'CVL' });
  });

  it('gives an adjective without an actor noun only the country', () => {
    const m = actors('A Libyan city was shelled.')[0];
    expect(m).toMatchObject({ text: 'Libyan', country: 'LBY', sector: null, code: 'LBY' });
  });

  it('resolves "Congolese" by the article: DR Congo by default, the Republic of the Congo when it is named', () => {
    expect(codes('The Congolese army clashed with rebels.')).toContain('CODMIL');
    const ms = actors('The Republic of the Congo said the Congolese army was ready.');
    expect(at(ms, 'Congolese army')).toMatchObject({ code: 'COGMIL' });
    expect(at(ms, 'Congolese army')!.reason).toMatch(/shared by COD, COG/);
  });

  it('shares a noun across "and": "U.S. and Russian negotiators" are both government', () => {
    const ms = actors('U.S. and Russian negotiators met. Canadian and British troops left.');
    expect(ms.map((m) => m.code)).toEqual(['USAGOV', 'RUSGOV', 'CANMIL', 'GBRMIL']);
  });
});

describe('capitals', () => {
  it('reads a capital used for the government as its GOV', () => {
    const ms = actors('Niamey announced the decision and Doha welcomed it, while Washington was silent.');
    expect(ms.map((m) => [m.text, m.code, m.kind])).toEqual([
      ['Niamey', 'NERGOV', 'country'],
      ['Doha', 'QATGOV', 'country'],
      ['Washington', 'USAGOV', 'country'],
    ]);
    expect(ms[0].reason).toMatch(/capital stands for the government/);
  });

  it('reads a capital as a place after "in", in a dateline, or as "Washington D.C."', () => {
    const ms = actors('TRIPOLI, Libya (Reuters) - Officials met in Kabul and in Washington, D.C. on Monday.');
    expect(ms.map((m) => [m.text, m.kind, m.code])).toEqual([
      ['TRIPOLI, Libya', 'location', 'LBY'],
      ['Reuters', 'organisation', 'GBRJRN'],
      ['Kabul', 'location', 'AFG'],
      ['Washington, D.C.', 'location', 'USA'],
    ]);
  });

  it('does not read "Washington Post" or "George Washington" as the US government', () => {
    const ms = actors('George Washington was painted, the Washington Post said.');
    expect(ms.some((m) => m.code === 'USAGOV')).toBe(false);
    expect(at(ms, 'the Washington Post')).toMatchObject({ kind: 'organisation', code: 'USAJRN', sector: 'JRN' });
  });
});

describe('ambiguous country words', () => {
  it('separates Niger from the Niger River and the Niger Delta', () => {
    const ms = actors('Boats on the Niger River sank near the Niger Delta, and Niger sent help.');
    expect(ms.map((m) => [m.text, m.kind, m.code])).toEqual([
      ['Niger Delta', 'location', 'NGA'],
      ['Niger', 'country', 'NERGOV'],
    ]);
  });

  it('does not take personal names for countries (Chad, Jordan, Georgia)', () => {
    expect(actors('Chad Smith scored twice and Michael Jordan watched with Georgia Brown.')).toEqual([]);
    expect(codes("Chad's army and Jordan's king met Georgia's president.")).toEqual(['TCDMIL', 'JORGOV', 'GEOGOV']);
    expect(actors('He lives in Atlanta, Georgia.')).toEqual([]);
  });

  it('lets the longest name win among the Guineas', () => {
    const ms = actors('Guinea-Bissau, Equatorial Guinea, Papua New Guinea and Guinea signed.');
    expect(ms.map((m) => m.code)).toEqual(['GNBGOV', 'GNQGOV', 'PNGGOV', 'GINGOV']);
  });

  it('does not read the bird, the porcelain or the sea as countries', () => {
    expect(actors('They ate turkey off fine china by the South China Sea.')).toEqual([]);
    expect(codes('Turkey and China objected.')).toEqual(['TURGOV', 'CHNGOV']);
  });

  it('keeps "the West African nation" apart from "the West"', () => {
    expect(actors('the West African nation voted').some((m) => m.code === 'WST')).toBe(false);
    expect(codes('The West imposed sanctions; the Gulf states did not.')).toEqual(['WST', 'PGS']);
  });
});

describe('sector nouns', () => {
  it.each([
    ['French troops arrived.', 'FRAMIL', 'French troops'],
    ['The French army left.', 'FRAMIL', 'French army'],
    ['Nigerien police arrested him.', 'NERCOP', 'Nigerien police'],
    ['Malian rebels attacked.', 'MLIREB', 'Malian rebels'],
    ["Niger's military junta decided.", 'NERMIL', "Niger's military junta"],
    ['The US embassy closed.', 'USAGOV', 'US embassy'],
    ['Nigerien civilians fled.', 'NERCVL', 'Nigerien civilians'],
    ['Libyan government forces fired.', 'LBYMIL', 'Libyan government forces'],
    ['Syrian opposition leaders met.', 'SYROPP', 'Syrian opposition leaders'],
    ['The Sudanese rebel commander spoke.', 'SDNREB', 'Sudanese rebel commander'],
  ])('%s -> %s', (text, code, span) => {
    const ms = actors(text);
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ code, text: span });
    expect(ms[0].reason).toMatch(/sector-nouns\.tsv|roles\.tsv/);
  });

  it('reads "soldiers in Niger" and "the government of Mali" with the country after the noun', () => {
    expect(codes('Mutinous soldiers in Niger acted against the government of Mali.')).toEqual(['NERMIL', 'MLIGOV']);
  });

  it('does not make an actor of a sector word that only modifies another noun', () => {
    expect(actors('They ended military agreements and security deals.')).toEqual([]);
  });

  it('codes armed men and civilians without a country by the sector alone', () => {
    const ms = actors('Gunmen killed civilians in a village.', null);
    expect(ms.map((m) => [m.code, m.country])).toEqual([
      ['UAF', null],
      ['CVL', null],
    ]);
  });
});

describe('organisations', () => {
  it.each([
    ['The United Nations voted.', 'IGO:UN'],
    ['The U.N. voted.', 'IGO:UN'],
    ['The UN Security Council voted.', 'IGO:UNSC'],
    ['ECOWAS imposed sanctions.', 'IGO:ECOWAS'],
    ['The European Union paid.', 'IGO:EU'],
    ['The EU paid.', 'IGO:EU'],
    ['The International Monetary fund lent.', 'IGO:IMF'],
    ['The IMF lent.', 'IGO:IMF'],
    ['The World Bank lent.', 'IGO:WB'],
    ['The World Trade Organization ruled.', 'IGO:WTO'],
    ['NATO struck.', 'IGO:NATO'],
    ['Nato struck.', 'IGO:NATO'],
    ['The African Union met.', 'IGO:AU'],
    ['The Arab League met.', 'IGO:ARL'],
    ['OPEC cut output.', 'IGO:OPEC'],
    ['The G7 met.', 'IGO:G7'],
    ['The G20 met.', 'IGO:G20'],
    ['ASEAN met.', 'IGO:ASEAN'],
    ['The Alliance of Sahel States met.', 'IGO:AES'],
    ['MINUSMA withdrew.', 'IGO:MINUSMA'],
    ['The Multinational Joint Task Force struck.', 'IGO:MNJTF'],
    ['The ICC issued a warrant.', 'IGO:ICC'],
    ['The WHO warned.', 'IGO:WHO'],
    ['UNHCR warned.', 'IGO:UNHCR'],
    ['The Red Cross helped.', 'NGO:ICRC'],
    ['Amnesty International accused them.', 'NGO:AI'],
    ['Human Rights Watch accused them.', 'NGO:HRW'],
  ])('%s -> %s', (text, code) => {
    const ms = actors(text);
    expect(ms.map((m) => m.code)).toEqual([code]);
    expect(ms[0]).toMatchObject({ kind: 'organisation', country: null, sector: code.slice(0, 3) });
    expect(ms[0].entity).toBe(`${code.slice(0, 3).toLowerCase()}:${code.slice(4)}`);
  });

  it('needs capitals for acronyms that are also words ("who", "amnesty")', () => {
    expect(actors('Nobody knows who granted an amnesty.')).toEqual([]);
  });
});

describe('armed groups', () => {
  it.each([
    ['Boko Haram attacked.', 'NGAREB', 'group:boko-haram'],
    ['ISWAP attacked.', 'NGAREB', 'group:iswap'],
    ['JNIM attacked.', 'MLIREB', 'group:jnim'],
    ['The Islamic State in the Greater Sahara attacked.', 'MLIREB', 'group:is-sahel'],
    ['AQIM attacked.', 'DZAREB', 'group:aqim'],
    ['Ansaroul Islam attacked.', 'BFAREB', 'group:ansaroul-islam'],
    ['Al-Shabaab attacked.', 'SOMREB', 'group:al-shabaab'],
    ['The Wagner Group attacked.', 'RUSPRM', 'group:wagner'],
    ['Hamas attacked.', 'PSEREB', 'group:hamas'],
    ['Hezbollah attacked.', 'LBNREB', 'group:hezbollah'],
    ['The Houthis attacked.', 'YEMREB', 'group:houthis'],
    ['M23 rebels attacked.', 'CODREB', 'group:m23'],
    ['The RSF attacked.', 'SDNPRM', 'group:rsf'],
  ])('%s -> %s', (text, code, entity) => {
    const ms = actors(text);
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ kind: 'group', code, entity });
  });

  it("codes the Taliban by the article's date: insurgents before the fall of Kabul, government after", () => {
    expect(actors('The Taliban seized the district.', '2020-06-01')[0].code).toBe('AFGREB');
    const after = actors('The Taliban seized the district.', '2022-01-01')[0];
    expect(after.code).toBe('AFGGOV');
    expect(after.reason).toMatch(/2021-08-15/);
  });

  it('takes a group leader as a person with the group code', () => {
    const m = actors('Boko Haram leader Abubakar Shekau spoke.')[0];
    expect(m).toMatchObject({ kind: 'person', name: 'Abubakar Shekau', code: 'NGAREB', role: 'leader' });
  });
});

describe('people', () => {
  it('codes a known person by the role in force on the article date', () => {
    const before = actors('Barack Obama spoke.', '2008-06-01')[0];
    const after = actors('Barack Obama spoke.', '2010-06-01')[0];
    expect(before).toMatchObject({ code: 'USALEG', entity: 'person:barack-obama' });
    expect(after).toMatchObject({ code: 'USAGOV', role: 'President', entity: 'person:barack-obama' });
    expect(after.reason).toMatch(/contains the article date 2010-06-01/);
  });

  it('tells people with one surname apart by first name, title and date', () => {
    const ms = actors('Secretary of State Hillary Clinton met President Obama. Clinton said little.', '2010-05-01');
    expect(at(ms, 'Secretary of State Hillary Clinton')).toMatchObject({ entity: 'person:hillary-clinton', code: 'USAGOV', role: 'Secretary of State' });
    expect(at(ms, 'Clinton')).toMatchObject({ entity: 'person:hillary-clinton' });
    expect(actors('President Clinton spoke.', '1995-05-01')[0]).toMatchObject({ entity: 'person:bill-clinton' });
  });

  it('does not take a common surname alone for a listed person until the article names them', () => {
    expect(actors('Brown said the May figures were weak.', '2009-01-01')).toEqual([]);
    const ms = actors('Gordon Brown spoke. Later Brown left.', '2009-01-01');
    expect(ms.map((m) => m.entity)).toEqual(['person:gordon-brown', 'person:gordon-brown']);
  });

  it("does not trust a surname alone in an article older than the listed person's first role", () => {
    expect(actors('Carney told reporters the talks went well.', '2011-06-01')).toEqual([]);
    expect(actors('Carney told reporters the talks went well.', '2025-06-01')[0]).toMatchObject({ entity: 'person:mark-carney', code: 'CANGOV' });
  });

  it('does not take another person with the same surname for a listed one', () => {
    expect(actors('Moussa Traore spoke.', '1985-01-01')).toEqual([]);
  });

  it('takes the country of an unlisted person from the text', () => {
    const m = actors("Chad's Defence Minister Daoud Yaya Brahim spoke.")[0];
    expect(m).toMatchObject({ kind: 'person', name: 'Daoud Yaya Brahim', code: 'TCDGOV', role: 'Defence Minister' });
  });

  it("takes the country of an unlisted official from the article's focus country only when it is clear, and says so", () => {
    const text = 'Libya rejected the plan. Libya said so twice, and Libya meant it. Government spokesman Musa Ibrahim agreed. Later Ibrahim left.';
    const ms = actors(text, '2011-05-01');
    const musa = at(ms, 'Government spokesman Musa Ibrahim')!;
    expect(musa).toMatchObject({ code: 'LBYGOV', entity: 'person:musa-ibrahim' });
    expect(musa.reason).toMatch(/focus country LBY/);
    expect(at(ms, 'Ibrahim')).toMatchObject({ entity: 'person:musa-ibrahim', code: 'LBYGOV' });
    const unclear = actors('Libya and France talked. Government spokesman Musa Ibrahim agreed.', '2011-05-01');
    expect(at(unclear, 'Government spokesman Musa Ibrahim')).toMatchObject({ country: null, code: 'GOV' });
  });

  it('links "the president" back to the president named before', () => {
    const ms = actors('President Mahamadou Issoufou met them. Later the president left.', '2015-01-01');
    expect(at(ms, 'president')).toMatchObject({ kind: 'person', entity: 'person:mahamadou-issoufou', code: 'NERGOV' });
  });
});

describe('context: antecedents and the focus country', () => {
  it('gives "the junta" the country of the junta named before', () => {
    const ms = actors("Mali's junta met France. Then the junta left, and France stayed. France and France again.");
    expect(at(ms, 'junta')).toMatchObject({ code: 'MLIMIL', kind: 'group' });
    expect(at(ms, 'junta')!.reason).toMatch(/refers back to "Mali's junta"/);
  });

  it("gives \"the junta\" the article's focus country when nothing names it", () => {
    const ms = actors('Burkina Faso is tense. Burkina Faso has no parliament. The military junta ruled and the soldiers patrolled.');
    expect(at(ms, 'military junta')).toMatchObject({ code: 'BFAMIL' });
    expect(at(ms, 'military junta')!.reason).toMatch(/focus country BFA/);
    expect(at(ms, 'soldiers')).toMatchObject({ code: 'BFAMIL' });
  });

  it('leaves "the junta" without a country when no country dominates', () => {
    const ms = actors('Mali and Niger talked. The junta ruled.');
    expect(at(ms, 'junta')).toMatchObject({ country: null, code: 'MIL' });
  });
});

describe('the stage', () => {
  it('fills doc.actors sorted by start, without overlaps, with text equal to the span', () => {
    const doc = docOf('French troops and the UN met President Mohamed Bazoum of Niger in Niamey.', '2022-01-01');
    actorsStage.process(doc);
    expect(doc.actors.length).toBe(4);
    for (let i = 0; i < doc.actors.length; i++) {
      const m = doc.actors[i];
      expect(doc.text.slice(m.start, m.end)).toBe(m.text);
      if (i) expect(m.start).toBeGreaterThanOrEqual(doc.actors[i - 1].end);
    }
  });

  it('fails fast on a doc that was not segmented', () => {
    const doc = docOf('Niger.');
    doc.tokens = [];
    expect(() => actorsStage.process(doc)).toThrow(DyadError);
  });
});

describe('lookupCountry', () => {
  it.each([
    ['Nigerien', 'NER'],
    ['Nigerian', 'NGA'],
    ['Niamey', 'NER'],
    ['U.S.', 'USA'],
    ['the United States', 'USA'],
    ['Britain', 'GBR'],
    ['Qatari', 'QAT'],
    ['Emirati', 'ARE'],
    ["Côte d'Ivoire", 'CIV'],
    ['Washington', 'USA'],
  ])('%s -> %s', (name, iso3) => {
    expect(lookupCountry(name)?.iso3).toBe(iso3);
  });

  it('returns null for words that are not countries, and for the pronoun "us"', () => {
    expect(lookupCountry('us')).toBeNull();
    expect(lookupCountry('Niger River')).toBeNull();
    expect(lookupCountry('banana')).toBeNull();
  });

  it('gives the canonical country name', () => {
    expect(lookupCountry('Nigerien')).toEqual({ iso3: 'NER', name: 'Niger' });
  });
});

describe('data files', () => {
  it('reports the file and line of a malformed row', () => {
    const text = '# what\n# code\tname\tnote\nIGO:X\t\tbad\n';
    expect(() => parseTsv(text, 'data/actors/x.tsv', ['code', 'name', 'note'], ['code', 'name'])).toThrow(/data\/actors\/x\.tsv:3/);
  });
});
