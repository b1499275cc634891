// Converts the benchmark corpus (minutes JSON, written by SiteBuildBenchmarks when
// SITE_BENCH_CORPUS_DIR is set) into Hugo content: one Markdown page per minutes with the same
// facts and one paragraph per turn carrying the same anchor id (goldmark block attributes).
// Usage: node to-markdown.mjs CORPUS_DIR HUGO_SITE_DIR
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [corpus, site] = process.argv.slice(2);
const content = join(site, 'content', 'minutes');
rmSync(join(site, 'content'), { recursive: true, force: true });
mkdirSync(content, { recursive: true });
const q = s => JSON.stringify(s ?? '');
// Escape Markdown/HTML specials so upload text stays text, as in the real site.
const md = s => (s ?? '').replace(/[\\`*_{}\[\]<>#|&]/g, c => '\\' + c);
let n = 0;
for (const file of readdirSync(corpus).filter(f => f.endsWith('.json'))) {
  const m = JSON.parse(readFileSync(join(corpus, file), 'utf8'));
  const fy = m.fiscalYear ?? 'unknown';
  const lines = ['---',
    `title: ${q(m.title)}`, `date: ${m.date ?? '2000-01-01'}`, `session: ${q(m.session)}`, `venue: ${q(m.venue)}`,
    `bodies: [${q(m.body)}]`, `years: [${q(String(fy))}]`, `slug: ${m.id}`, '---', ''];
  lines.push('## 公開の可否', '', `会議: ${m.disclosure.meeting}、会議録: ${m.disclosure.minutes}`, '');
  if (m.agenda.length) { lines.push('## 議題', '', ...m.agenda.map(a => `1. ${md(a)}`), ''); }
  if (m.attendees.length) {
    lines.push('## 出席者', '', '| 区分 | 出席者 |', '| --- | --- |', ...m.attendees.map(g => `| ${md(g.group)} | ${md(g.members.join('、'))} |`), '');
  }
  lines.push('## 審議経過', '');
  m.sections.forEach((s, si) => {
    if (s.heading) { lines.push(`### ${md(s.heading)} {#s${si + 1}}`, ''); }
    s.turns.forEach((t, ti) => {
      const text = t.text.split('\n').filter(Boolean).map(md).join('  \n');
      lines.push((t.speaker ? `**${md(t.speaker)}**  \n` : '') + text, `{#s${si + 1}-t${ti + 1} .turn .${t.kind}}`, '');
    });
  });
  writeFileSync(join(content, `${m.id}.md`), lines.join('\n'));
  n++;
}
console.log(`${n} Markdown pages in ${content}`);
