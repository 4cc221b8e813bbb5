// English inflection for lexicon entries: a lemma expands to the surface forms it may take in news text,
// so matching is one hash look-up per token instead of lemmatising every token of every article.

// Irregular verbs seen in event language: lemma -> [past, past participle].
const IRREGULAR: Record<string, [string, string]> = {
  be: ['was', 'been'], meet: ['met', 'met'], speak: ['spoke', 'spoken'], break: ['broke', 'broken'],
  cut: ['cut', 'cut'], give: ['gave', 'given'], send: ['sent', 'sent'], hold: ['held', 'held'],
  seek: ['sought', 'sought'], take: ['took', 'taken'], shoot: ['shot', 'shot'], fight: ['fought', 'fought'],
  lead: ['led', 'led'], make: ['made', 'made'], withdraw: ['withdrew', 'withdrawn'], strike: ['struck', 'struck'],
  say: ['said', 'said'], tell: ['told', 'told'], bring: ['brought', 'brought'], begin: ['began', 'begun'],
  buy: ['bought', 'bought'], sell: ['sold', 'sold'], keep: ['kept', 'kept'], leave: ['left', 'left'],
  put: ['put', 'put'], set: ['set', 'set'], throw: ['threw', 'thrown'], drive: ['drove', 'driven'],
  freeze: ['froze', 'frozen'], blow: ['blew', 'blown'], overthrow: ['overthrew', 'overthrown'], hit: ['hit', 'hit'],
  beat: ['beat', 'beaten'], flee: ['fled', 'fled'], stand: ['stood', 'stood'], pay: ['paid', 'paid'],
  tear: ['tore', 'torn'], swear: ['swore', 'sworn'], write: ['wrote', 'written'], come: ['came', 'come'],
  go: ['went', 'gone'], run: ['ran', 'run'], see: ['saw', 'seen'], find: ['found', 'found'], get: ['got', 'gotten'],
  lose: ['lost', 'lost'], build: ['built', 'built'], lend: ['lent', 'lent'], spend: ['spent', 'spent'],
  deal: ['dealt', 'dealt'], catch: ['caught', 'caught'], fall: ['fell', 'fallen'], bid: ['bid', 'bid'],
  quit: ['quit', 'quit'], let: ['let', 'let'], shed: ['shed', 'shed'], forbid: ['forbade', 'forbidden'],
  oversee: ['oversaw', 'overseen'], overrun: ['overran', 'overrun'], undertake: ['undertook', 'undertaken'],
  rise: ['rose', 'risen'], arise: ['arose', 'arisen'], slay: ['slew', 'slain'], lay: ['laid', 'laid'],
  draw: ['drew', 'drawn'], sink: ['sank', 'sunk'], split: ['split', 'split'], spread: ['spread', 'spread'],
  shut: ['shut', 'shut'], wage: ['waged', 'waged'], stab: ['stabbed', 'stabbed'], grab: ['grabbed', 'grabbed'],
  do: ['did', 'done'], have: ['had', 'had'], know: ['knew', 'known'], think: ['thought', 'thought'],
  feel: ['felt', 'felt'], hear: ['heard', 'heard'], win: ['won', 'won'], ride: ['rode', 'ridden'],
  forgive: ['forgave', 'forgiven'], wake: ['woke', 'woken'], hang: ['hanged', 'hung'], bear: ['bore', 'borne'],
};

// Verbs stressed on the last syllable double their final consonant (commit -> committed).
const DOUBLING = new Set(
  'commit admit omit submit transmit compel expel repel propel control patrol refer prefer confer defer deter occur incur rebel regret acquit forget begin equip'.split(
    ' ',
  ),
);
// Verbs whose final consonant doubles in British spelling and stays single in American: give both.
const L_BOTH = new Set('cancel travel label signal model level fuel total channel counsel kidnap worship'.split(' '));

const VOWEL = /[aeiou]/;

function isShortCvc(w: string): boolean {
  // One-syllable consonant-vowel-consonant words double: ban -> banned, stop -> stopped.
  if (w.length < 3) return false;
  const [a, b, c] = w.slice(-3);
  if (VOWEL.test(a) || !VOWEL.test(b) || VOWEL.test(c) || 'wxy'.includes(c)) return false;
  const vowelGroups = w.match(/[aeiouy]+/g) ?? [];
  return vowelGroups.length === 1;
}

function sForm(w: string): string {
  if (/(s|x|z|ch|sh)$/.test(w)) return w + 'es';
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
  return w + 's';
}

/** All surface forms of a lemma, read as a verb and as a noun (over-generation is harmless for matching). */
export function inflect(lemma: string): string[] {
  const w = lemma.toLowerCase();
  if (w.includes(' ')) return [w];
  const forms = new Set<string>([w, sForm(w)]);
  const irregular = IRREGULAR[w];
  if (w === 'be') {
    for (const f of ['is', 'are', 'am', 'was', 'were', 'been', 'being']) forms.add(f);
    return [...forms];
  }
  if (irregular) {
    forms.add(irregular[0]);
    forms.add(irregular[1]);
  }
  const stems: string[] = [];
  if (DOUBLING.has(w) || isShortCvc(w)) stems.push(w + w.slice(-1));
  if (L_BOTH.has(w)) stems.push(w + w.slice(-1));
  if (!stems.length || L_BOTH.has(w)) stems.push(w);
  for (const stem of stems) {
    if (!irregular || w === 'hang' || w === 'wage') {
      if (stem.endsWith('e')) forms.add(stem + 'd');
      else if (/[^aeiou]y$/.test(stem)) forms.add(stem.slice(0, -1) + 'ied');
      else forms.add(stem + 'ed');
    }
    if (/ie$/.test(stem)) forms.add(stem.slice(0, -2) + 'ying');
    else if (/[^eoy]e$/.test(stem)) forms.add(stem.slice(0, -1) + 'ing');
    else forms.add(stem + 'ing');
  }
  // Gerunds used as nouns take plurals ("meetings", "bombings").
  for (const f of [...forms]) if (f.endsWith('ing')) forms.add(f + 's');
  return [...forms];
}
