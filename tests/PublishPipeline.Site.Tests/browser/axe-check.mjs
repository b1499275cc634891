// Real-browser checks of the built site: Debian's Chromium driven by playwright-core, axe-core
// injected into every page. Usage: node axe-check.mjs config.json
// config: { baseUrl, axePath, chromium, screenshotDir?, pages: [{ name, path, status?, search? }] }
// For a page with `search`, the query is typed into the form and submitted, and the check waits
// for a result that links to an utterance anchor before running axe.
// config.searches: [{ name, params: { q, body?, year?, from?, to?, role? }, expectIds, expectUnits, follow? }]:
// each query is typed and its filters set on the search page, using the keyboard where a user would
// (Tab reaches every control; Enter submits); the minutes found (all pages, "さらに表示" pressed
// until it hides) and the announced counts must equal the expectation; with follow, the first
// utterance link is opened with Enter and the words must be marked inside the linked utterance.
// Prints a JSON report; exits 1 on any axe violation, reflow failure or broken expectation.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const userDataDir = mkdtempSync(join(tmpdir(), 'site-chromium-'));
const failures = [];
const report = [];
const searchReport = [];

// Every wait is for a condition; the bound only turns a hang into a failure, so it is generous
// (Playwright's 30 s defaults and a 20 s search wait can run out on a loaded 2-core machine).
const WAIT = 120000;
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: config.chromium,
  timeout: WAIT,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
  locale: 'ja-JP',
});
context.setDefaultTimeout(WAIT);
context.setDefaultNavigationTimeout(WAIT);

async function axe(page) {
  await page.addScriptTag({ path: config.axePath });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map(n => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
}

try {
  const page = context.pages()[0] ?? await context.newPage();
  const consoleErrors = [];
  page.on('console', m => { if (m.type() === 'error') { consoleErrors.push(m.text()); } });
  page.on('pageerror', e => consoleErrors.push(String(e)));
  if (config.screenshotDir) { mkdirSync(config.screenshotDir, { recursive: true }); }

  for (const p of config.pages) {
    const entry = { name: p.name, path: p.path };
    report.push(entry);
    consoleErrors.length = 0;
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(new URL(p.path, config.baseUrl).href, { waitUntil: 'load' });
    entry.status = response.status();
    if (entry.status !== (p.status ?? 200)) { failures.push(`${p.name}: HTTP ${entry.status}, expected ${p.status ?? 200}`); }
    entry.contentType = response.headers()['content-type'];
    if (entry.contentType !== 'text/html; charset=utf-8') { failures.push(`${p.name}: content-type ${entry.contentType}`); }

    // Keyboard: the first Tab lands on the skip link, visible in the viewport.
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement; const r = a.getBoundingClientRect();
      return { cls: a.className, visible: r.top >= 0 && r.bottom <= innerHeight && r.width > 0, outline: getComputedStyle(a).outlineStyle };
    });
    if (skip.cls !== 'skip-link' || !skip.visible) { failures.push(`${p.name}: first Tab does not show the skip link (${JSON.stringify(skip)})`); }
    if (skip.outline === 'none') { failures.push(`${p.name}: focused skip link has no visible outline`); }
    await page.evaluate(() => document.activeElement && document.activeElement.blur());

    if (p.search) {
      await page.fill('#search-q', p.search);
      await page.press('#search-q', 'Enter');
      await page.waitForFunction(() => {
        const s = document.getElementById('search-status').textContent;
        return s && !s.includes('検索しています');
      }, null, { timeout: WAIT });
      entry.searchStatus = await page.textContent('#search-status');
      entry.searchLinks = await page.$$eval('#search-results a', as => as.map(a => a.getAttribute('href')));
      if (!entry.searchLinks.some(h => /#s\d+-t\d+$/.test(h))) { failures.push(`${p.name}: search for ${p.search} found no utterance (${entry.searchStatus})`); }
      if (p.expectIn && !entry.searchLinks.some(h => h.includes(p.expectIn))) { failures.push(`${p.name}: search did not link to ${p.expectIn}`); }
      // Follow the first utterance link: the anchor must exist on the target page.
      const first = entry.searchLinks.find(h => /#s\d+-t\d+$/.test(h));
      if (first) {
        const target = await context.newPage();
        await target.goto(new URL(first, config.baseUrl).href, { waitUntil: 'load' });
        const found = await target.evaluate(id => !!document.getElementById(id), first.split('#')[1]);
        if (!found) { failures.push(`${p.name}: result ${first} points at a missing anchor`); }
        await target.close();
      }
    }

    entry.violations = await axe(page);
    for (const v of entry.violations) {
      failures.push(`${p.name}: axe ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map(n => n.target).join(', ')}`);
    }
    // The 404 page itself arrives with status 404, which Chromium logs; anything else is a fault.
    const expected404 = consoleErrors.findIndex(e => e.includes('404'));
    if (p.status === 404 && expected404 >= 0) { consoleErrors.splice(expected404, 1); }
    if (consoleErrors.length) { failures.push(`${p.name}: console errors: ${consoleErrors.join(' | ')}`); }

    const safe = p.name.replace(/[^a-z0-9-]/gi, '_');
    if (config.screenshotDir) { await page.screenshot({ path: join(config.screenshotDir, `${safe}-desktop.png`), fullPage: p.fullPage !== false }); }

    // Print: the record without navigation, search or permalinks.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ['.site-header', '.site-footer', '.permalink', '.search-form', '.breadcrumbs']
      .flatMap(sel => Array.from(document.querySelectorAll(sel)))
      .filter(e => getComputedStyle(e).display !== 'none').length);
    if (printed) { failures.push(`${p.name}: ${printed} navigation elements still shown in print`); }
    if (config.screenshotDir && p.name === 'minutes') { await page.screenshot({ path: join(config.screenshotDir, `${safe}-print.png`), fullPage: true }); }
    await page.emulateMedia({ media: 'screen' });

    // Reflow (WCAG 1.4.10): at 320 CSS px (1280 px at 400 %, a small phone) nothing scrolls sideways.
    for (const width of [320, 640]) {
      await page.setViewportSize({ width, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) { failures.push(`${p.name}: ${overflow}px horizontal overflow at ${width}px width`); }
    }
    await page.setViewportSize({ width: 390, height: 844 });
    if (config.screenshotDir) {
      await page.screenshot({ path: join(config.screenshotDir, `${safe}-phone.png`), fullPage: false });
      if (await page.$('.proceedings')) {
        await page.$eval('.proceedings', e => e.scrollIntoView({ behavior: 'instant' }));
        await page.screenshot({ path: join(config.screenshotDir, `${safe}-phone-proceedings.png`), fullPage: false });
      }
    }
  }

  // Keyboard: from the query box, Tab reaches the submit button and every filter, in order.
  if (config.searches && config.searches.length) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(new URL('/search/', config.baseUrl).href, { waitUntil: 'load' });
    await page.focus('#search-q');
    // A date field takes one Tab per part (year, month, day): count each control once.
    const order = [];
    for (let i = 0; i < 16 && order.length < 7; i++) {
      const id = await page.evaluate(() => document.activeElement.id || document.activeElement.tagName.toLowerCase());
      if (order[order.length - 1] !== id) { order.push(id); }
      await page.keyboard.press('Tab');
    }
    const expectedOrder = ['search-q', 'button', 'search-body', 'search-year', 'search-from', 'search-to', 'search-role'];
    if (JSON.stringify(order) !== JSON.stringify(expectedOrder)) { failures.push(`search: Tab order ${order.join(' → ')}, expected ${expectedOrder.join(' → ')}`); }
    const labelled = await page.$$eval('#search-box input, #search-box select', els => els.filter(e => !(e.labels && e.labels.length)).map(e => e.id));
    const inForm = await page.$$eval('#search-box input, #search-box select', els => els.filter(e => e.form !== document.getElementById('search-form')).map(e => e.id));
    if (inForm.length) { failures.push(`search: controls not submitted with the form: ${inForm.join(', ')}`); }
    if (labelled.length) { failures.push(`search: controls without a label: ${labelled.join(', ')}`); }
    const live = await page.$eval('#search-status', e => e.getAttribute('role') === 'status' && e.getAttribute('aria-live') === 'polite');
    if (!live) { failures.push('search: the result count is not in a polite live region'); }
  }

  for (const s of config.searches ?? []) {
    const entry = { name: 'search-' + s.name, params: s.params };
    searchReport.push(entry);
    consoleErrors.length = 0;
    await page.goto(new URL('/search/', config.baseUrl).href, { waitUntil: 'load' });
    await page.focus('#search-q');
    await page.keyboard.type(s.params.q);
    for (const name of ['body', 'year', 'role']) {
      if (s.params[name]) { await page.selectOption(`#search-${name}`, s.params[name]); }
    }
    for (const name of ['from', 'to']) {
      if (s.params[name]) { await page.fill(`#search-${name}`, s.params[name]); }
    }
    await page.focus('#search-q');
    await page.keyboard.press('Enter');
    const settled = async () => page.waitForFunction(() => {
      const t = document.getElementById('search-status').textContent;
      return t && !t.includes('検索しています');
    }, null, { timeout: WAIT });
    await settled();
    await page.waitForLoadState('networkidle');
    for (let i = 0; i < 20 && await page.isVisible('#search-more'); i++) {
      // The status is rewritten once the next page is in the list (the button hides at once).
      const before = await page.textContent('#search-status');
      await page.focus('#search-more');
      await page.keyboard.press('Enter');
      await page.waitForFunction(t => document.getElementById('search-status').textContent !== t, before, { timeout: WAIT });
      await page.waitForLoadState('networkidle');
    }
    entry.status = await page.textContent('#search-status');
    entry.ids = await page.$$eval('#search-results > li > a', as => as.map(a => (a.getAttribute('href').match(/minutes\/([^/]+)\//) || [])[1]));
    const found = (entry.status.match(/会議録は(\d+)件（一致した発言など(\d+)件）/) || []).slice(1).map(Number);
    const expectedIds = [...s.expectIds].sort();
    if (JSON.stringify([...entry.ids].sort()) !== JSON.stringify(expectedIds)) {
      failures.push(`search-${s.name}: found ${JSON.stringify(entry.ids)}, expected ${JSON.stringify(expectedIds)} (${entry.status})`);
    }
    if (s.expectIds.length === 0 ? !entry.status.includes('ありませんでした') : (found[0] !== s.expectIds.length || found[1] !== s.expectUnits)) {
      failures.push(`search-${s.name}: announced "${entry.status}", expected ${s.expectIds.length} minutes and ${s.expectUnits} units`);
    }
    if (Object.keys(s.params).length > 1 && s.expectIds.length && !entry.status.includes('絞り込み')) { failures.push(`search-${s.name}: the filters are not announced`); }
    const v = await axe(page);
    for (const x of v) { failures.push(`search-${s.name}: axe ${x.id} (${x.impact}) ${x.help}: ${x.nodes.map(n => n.target).join(', ')}`); }

    if (s.follow) {
      const link = await page.$('#search-results ul a');
      const href = link && await link.getAttribute('href');
      if (!href) { failures.push(`search-${s.name}: no utterance link to follow`); continue; }
      await link.focus();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      const anchor = href.split('#')[1];
      const marked = await page.evaluate(id => {
        const turn = document.getElementById(id);
        return { marks: turn ? Array.from(turn.querySelectorAll('mark')).map(m => m.textContent) : null, note: !!document.querySelector('.search-highlight[role="status"]'), hash: location.hash };
      }, anchor);
      entry.followed = { href, ...marked };
      if (!marked.marks || marked.marks.length === 0) { failures.push(`search-${s.name}: ${href} opened without the words marked in #${anchor}`); }
      else if (!marked.marks.every(m => s.params.q.split(/\s+/).some(w => m.replace(/\s/g, '').toLowerCase() === w.replace(/\s/g, '').toLowerCase()))) { failures.push(`search-${s.name}: marked ${JSON.stringify(marked.marks)}`); }
      if (!marked.note) { failures.push(`search-${s.name}: no announcement of the marked words`); }
      const fv = await axe(page);
      for (const x of fv) { failures.push(`search-${s.name} (followed): axe ${x.id} (${x.impact}) ${x.help}: ${x.nodes.map(n => n.target).join(', ')}`); }
    }
    if (consoleErrors.length) { failures.push(`search-${s.name}: console errors: ${consoleErrors.join(' | ')}`); }
  }
} catch (e) {
  failures.push(`browser run failed: ${e && e.stack || e}`);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

process.stdout.write(JSON.stringify({ failures, pages: report, searches: searchReport }, null, 2) + '\n');
process.exit(failures.length ? 1 : 0);
