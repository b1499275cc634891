// Measures what search.js really downloads per query: Debian's Chromium (playwright-core) opens
// the search page with the query in the URL (the script runs it on load), in a fresh browser
// context each time (cold cache), waits for the result status, and records every request.
// Usage: node measure-search.mjs config.json
// config: { baseUrl, chromium, queries: [{ name, params: { q, body?, year?, from?, to?, role? } }] }
// Prints JSON: per query the status text, results shown, and requests/bytes split into
// "query" (search/meta.json, shards, fragments) and "page" (the search page, CSS, script).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const browser = await chromium.launch({
  executablePath: config.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const report = [];
try {
  for (const q of config.queries) {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    const responses = [];
    page.on('requestfinished', async (request) => {
      const response = await request.response();
      const sizes = await request.sizes();
      responses.push({
        url: new URL(request.url()).pathname,
        status: response ? response.status() : 0,
        encoding: response ? (response.headers()['content-encoding'] || '') : '',
        body: sizes.responseBodySize,
        headers: sizes.responseHeadersSize,
      });
    });
    const url = new URL('search/', config.baseUrl);
    for (const [k, v] of Object.entries(q.params)) { url.searchParams.set(k, v); }
    const started = Date.now();
    await page.goto(url.href, { waitUntil: 'load' });
    await page.waitForFunction(() => {
      const s = document.getElementById('search-status').textContent;
      return s && !s.includes('検索しています');
    }, null, { timeout: 120000 });
    await page.waitForLoadState('networkidle');
    const elapsed = Date.now() - started;
    const status = await page.textContent('#search-status');
    const shown = await page.$$eval('#search-results > li', (items) => items.length);
    await context.close();
    const isQuery = (r) => r.url.startsWith('/search/') && r.url !== '/search/';
    const sum = (rs, f) => rs.reduce((a, r) => a + f(r), 0);
    const query = responses.filter(isQuery);
    const pageFiles = responses.filter((r) => !isQuery(r));
    report.push({
      name: q.name, params: q.params, status, shown, elapsedMs: elapsed,
      queryRequests: query.length, queryBytes: sum(query, (r) => r.body), queryHeaderBytes: sum(query, (r) => r.headers),
      pageRequests: pageFiles.length, pageBytes: sum(pageFiles, (r) => r.body),
      failed: responses.filter((r) => r.status >= 400).map((r) => r.url),
      files: query.map((r) => ({ url: r.url, bytes: r.body, encoding: r.encoding })),
    });
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
