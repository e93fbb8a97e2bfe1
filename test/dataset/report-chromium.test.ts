// The report opened in real headless Chromium: no console errors, no requests, hostile
// text shown literally and never run, and every mark's text equal to its span's text.
// Skipped where /usr/bin/chromium is absent (apt-get install chromium).
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/dataset/render-report.js';
import type { Dataset } from '../../src/dataset/load-dataset.js';
import { baseDataset, HOSTILE_TEXT, hostileDataset } from './make-records.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

interface PageMark { start: number; end: number; spanStart: number; spanEnd: number; type: string; text: string; title: string; article: string }

describe.skipIf(!existsSync(CHROMIUM))('report in headless Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  const events: string[] = [];
  const requests: string[] = [];
  let url: string;
  const dataset: Dataset = hostileDataset();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ofsted-report-'));
    const file = join(dir, 'report.html');
    await writeFile(file, renderReport(dataset, { title: 'test' }));
    url = pathToFileURL(file).href;
    // A fresh profile every run: nothing cached, no first-run requests from an old profile.
    context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, args: ARGS, headless: true });
    page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') events.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => events.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => { events.push(`dialog: ${d.message()}`); void d.dismiss(); });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens without console errors or dialogs, and requests nothing but itself', async () => {
    await page.waitForTimeout(200); // let any (wrongly) injected handler fire
    expect(events).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it('shows hostile article text literally and runs none of it', async () => {
    const section = page.locator('section.article', { has: page.locator('code', { hasText: 'evil/<script>' }) });
    const text = await section.locator('.text').textContent();
    expect(text).toBe(HOSTILE_TEXT);
    await expect(page.getByText('<script>alert("text")</script>', { exact: false }).first().isVisible()).resolves.toBe(true);
    expect(await page.locator('section.article img, section.article iframe, section.article b, section.article script').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
  });

  it('gives every mark the text of its span, and every record span its marks', async () => {
    const marks: PageMark[] = await page.$$eval('mark.hl', (elements) => elements.map((m) => {
      const el = m as HTMLElement;
      return {
        start: Number(el.dataset.start), end: Number(el.dataset.end),
        spanStart: Number(el.dataset.spanStart), spanEnd: Number(el.dataset.spanEnd),
        type: el.dataset.type ?? '', text: el.textContent ?? '', title: el.title,
        article: el.closest('section.article')?.querySelector('code')?.textContent ?? '',
      };
    }));
    const textOf = new Map(dataset.articles.map((a) => [a.id, a.text]));
    expect(marks.length).toBeGreaterThan(10);
    for (const m of marks) expect(m.text).toBe(textOf.get(m.article)!.slice(m.start, m.end));

    const spans: Array<{ article: string; type: string; span: [number, number]; rule: string }> = [];
    for (const r of dataset.inspections) {
      const add = (type: string, v: { span: [number, number]; rule: string } | null) => { if (v) spans.push({ article: r.article, type, span: v.span, rule: v.rule }); };
      add('grade', r.overall);
      add('grade', r.previous);
      r.judgements.forEach((j) => add('grade', j));
      r.praise.forEach((p) => add('praise', p));
      r.concerns.forEach((c) => add('concern', c));
      r.responses.forEach((s) => add('response', s));
    }
    for (const a of dataset.articles) {
      a.tallies.forEach((t) => spans.push({ article: a.id, type: 'tally', span: t.span, rule: t.rule }));
      a.warnings.forEach((w) => { if (w.span) spans.push({ article: a.id, type: 'warning', span: w.span, rule: w.rule }); });
    }
    for (const { article, type, span: [s, e], rule } of spans) {
      const pieces = marks.filter((m) => m.article === article && m.type === type && m.spanStart === s && m.spanEnd === e).sort((x, y) => x.start - y.start);
      expect(pieces.map((p) => p.text).join(''), `${article} ${type} [${s},${e})`).toBe(textOf.get(article)!.slice(s, e));
      expect(pieces[0]!.title).toContain(rule);
    }
    // The concern crosses the end of the praise: it was split, and both parts are marked.
    expect(marks.filter((m) => m.type === 'concern' && m.article === 'evil/<script>')).toHaveLength(2);
  });

  it('runs its own script under its Content-Security-Policy (the legend toggles a type)', async () => {
    await page.locator('input[data-toggle="praise"]').uncheck();
    expect(await page.evaluate(() => document.body.classList.contains('hide-praise'))).toBe(true);
    expect(events).toEqual([]);
  });

  it('renders a plain dataset too', async () => {
    const other = await context.newPage();
    const errors: string[] = [];
    other.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    other.on('pageerror', (e) => errors.push(e.message));
    await other.setContent(renderReport(baseDataset()));
    expect(await other.locator('table.grid tbody tr').count()).toBe(1);
    expect(await other.locator('mark.hl').count()).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await other.close();
  });
});
