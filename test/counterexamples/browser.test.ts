// The generated index.html works in a real browser: headless Chromium (Debian's package, driven
// by playwright-core) opens it from a file:// URL. On the handoff spec's page it steps through
// a trace, and the step's diff and the highlighted box in the sequence diagram follow; on the
// committed revoke page each named scenario states its own bounds, and every table cell shows
// GUARANTEES.md's words, a qualified one never as a green "holds". Screenshots go to
// test-results/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guaranteesMd } from '../../checker/study/counterexamples/guaranteesMd.ts';
import { indexHtml } from '../../checker/study/counterexamples/indexHtml.ts';
import { regenerateCounterexamples, type CounterexamplePlan } from '../../checker/study/counterexamples/regenerate.ts';
import { renderTrace } from '../../checker/study/counterexamples/renderTrace.ts';
import { cellText } from '../../checker/study/cellText.ts';
import { runTable, type TableCell, type TableResult } from '../../checker/study/table.ts';
import revoke from '../../spec/revoke/index.ts';
import { handoffStudy } from '../checker/trace/render/handoffSpec.ts';
import { lassoStudy } from './lassoSpec.ts';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const mustRun = process.env.CI === 'true';
const why = `${CHROMIUM} is missing (apt-get install -y chromium), so the browser test is skipped`;
if (!present && !mustRun) console.log(why);

const root = resolve(import.meta.dirname, '../..');
const committed = join(root, 'counterexamples', 'index.html');
const temp = mkdtempSync(join(tmpdir(), 'rmc-browser-'));
const shots = resolve('test-results');
let browser: Browser;
let handoffPage: string;

describe.skipIf(!present && !mustRun)('index.html in headless Chromium', () => {
  beforeAll(async () => {
    expect(present, `${CHROMIUM} is missing and CI=true: install chromium`).toBe(true);
    const out = join(temp, 'counterexamples');
    await regenerateCounterexamples(handoffStudy(true), out);
    handoffPage = join(out, 'index.html');
    mkdirSync(shots, { recursive: true });
    // Playwright gives the browser a fresh temporary profile; each page gets a context of its own
    // (its own viewport: a phone's for the layout test).
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(temp, { recursive: true, force: true });
  });

  /** Opens a page; `errors` collects script errors and any fetch that leaves the file. */
  async function open(file: string, hash = '', options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage(options);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) errors.push(`fetched ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href + hash);
    return { page, errors };
  }

  it('steps through a trace: the diff and the highlighted step change', async () => {
    const { page, errors } = await open(handoffPage);
    const section = page.locator('section.trace').first();
    const stem = await section.getAttribute('data-stem');
    const diff = section.locator('pre.diff');
    const current = () => page.evaluate(`[...document.querySelectorAll('#${stem} svg .current')].map((e) => e.id)`);

    // The page opens at the breaking step.
    await expect.poll(() => diff.textContent()).toContain('State 4: <RecvFd(A): fd 4 -> F0>');
    expect(await diff.textContent()).toContain('/\\ tables.A.4 = "F0"');
    expect(await current()).toEqual([`${stem}-seq-s3`]);

    await section.locator('button.prev').click();
    expect(await diff.textContent()).toBe('State 3: <Revoke(F0)>\n/\\ revoked = true');
    expect(await current()).toEqual([`${stem}-seq-s2`]);

    await section.locator('tr.step').nth(1).click();
    expect(await diff.textContent()).toContain('/\\ inflight = ["F0"]');
    expect(await current()).toEqual([`${stem}-seq-s1`]);
    const box = await page.evaluate(`getComputedStyle(document.getElementById('${stem}-seq-s1').querySelector('path, polygon')).strokeWidth`);
    expect(box).toBe('4px');

    await section.locator('button.next').click();
    expect(await current()).toEqual([`${stem}-seq-s2`]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(shots, 'counterexamples-index.png'), fullPage: true });
    await page.close();
  });

  /** The handoff page's one trace: its section, stem, the selected state's number and diff heading. */
  async function handoff(hash = '') {
    const { page, errors } = await open(handoffPage, hash);
    const section = page.locator('section.trace').first();
    const stem = (await section.getAttribute('data-stem'))!;
    const state = async () => Number(await section.getAttribute('data-selected')) + 1;
    const heading = async () => (await section.locator('pre.diff').textContent())!.split('\n')[0];
    const objects = () => section.locator('figure.objects:visible');
    return { page, errors, section, stem, state, heading, objects };
  }

  it('steps with the arrow keys while the trace has the focus', async () => {
    const { page, errors, section, state, heading } = await handoff();
    await section.locator('.stepper').focus();
    expect(await state()).toBe(4);
    await page.keyboard.press('ArrowLeft');
    expect(await heading()).toBe('State 3: <Revoke(F0)>');
    await page.keyboard.press('ArrowUp');
    expect(await state()).toBe(2);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await state()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await heading()).toBe('State 3: <Revoke(F0)>');
    // The address bar names the step the reader stepped to.
    expect(await page.evaluate('location.hash')).toBe('#naive--no-usable-descriptor-step-3');
    // Keys elsewhere on the page do not step the trace.
    await page.locator('h1').click();
    await page.keyboard.press('ArrowLeft');
    expect(await state()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens at the step a link names, and follows a link to another step', async () => {
    const { page, errors, section, stem, state, heading } = await handoff('#naive--no-usable-descriptor-step-2');
    expect(await state()).toBe(2);
    expect(await heading()).toBe('State 2: <SendFd(B -> A, F0)>');
    expect(await page.evaluate(`[...document.querySelectorAll('#${stem} svg .current')].map((e) => e.id)`)).toEqual([
      `${stem}-seq-s1`,
    ]);
    expect(await page.locator(`[id="${stem}-step-2"]`).count()).toBe(1);
    await section.locator(`a[href="#${stem}-step-3"]`).click();
    expect(await state()).toBe(3);
    await page.evaluate(`location.hash = '#${stem}-step-1'`);
    await expect.poll(state).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects a step by a click on its box in the sequence diagram', async () => {
    const { page, errors, stem, state, heading } = await handoff();
    await page.locator(`[id="${stem}-seq-s1"]`).click();
    expect(await state()).toBe(2);
    expect(await heading()).toBe('State 2: <SendFd(B -> A, F0)>');
    expect(await page.locator(`[id="${stem}-seq-s1"]`).getAttribute('class')).toContain('current');
    // The trace has the focus now, so the keys go on from the clicked step.
    await page.keyboard.press('ArrowRight');
    expect(await state()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the selected state's object graph, not only the breaking state's", async () => {
    const { page, errors, section, objects } = await handoff();
    // The handoff spec draws each table's descriptors: B holds fd 3 at first, A receives fd 4 at the end.
    expect(await objects().count()).toBe(1);
    expect(await objects().getAttribute('data-state')).toBe('3');
    expect(await objects().locator('svg').textContent()).toContain('fd 4');
    await section.locator('tr.step').first().click();
    expect(await objects().count()).toBe(1);
    expect(await objects().getAttribute('data-state')).toBe('0');
    const first = (await objects().locator('svg').textContent())!;
    expect(first).toContain('fd 3');
    expect(first).not.toContain('fd 4');
    expect(await objects().locator('figcaption').textContent()).toBe('The objects in state 1');
    await section.locator('button.next').click();
    expect(await objects().getAttribute('data-state')).toBe('1');
    expect(await section.locator('figure.objects').count()).toBe(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a lasso\'s prefix and cycle apart, with the row back ("Back to state N" or "Stuttering") and its fairness', async () => {
    const params = { ...lassoStudy.defaults };
    const table = await runTable(lassoStudy, params);
    const traces = await Promise.all(table.cells.filter((c) => c.verdict === 'violated').map((c) => renderTrace(lassoStudy, params, c)));
    const fairness = 'WF(Step): Step is taken whenever it stays enabled.';
    const file = join(temp, 'lasso.html');
    writeFileSync(file, indexHtml(table, [{ ...traces[0]!, view: { ...traces[0]!.view, fairness } }, traces[1]!]));
    const { page, errors } = await open(file);
    const rows = (id: string) =>
      page.evaluate(`[...document.querySelectorAll('#${id} table.steps tr')].map((tr) =>
        [tr.className.replace(' selected', ''), tr.innerText.replace(/\\s+/g, ' ').trim(), getComputedStyle(tr.cells[0]).borderLeftColor].join(' | '))`);
    const BAR = 'rgb(208, 140, 0)';
    const NONE = 'rgb(34, 34, 34)';
    // spin: the whole behaviour is the cycle 1 -> 2 -> 1.
    expect(await rows('spin--reaches-two')).toEqual([
      `step cycle | 1 Initial predicate | ${BAR}`,
      `step cycle | 2 counter Step(0 -> 1) | ${BAR}`,
      `loop | ↺ Back to state 1: Step(1 -> 0) | ${BAR}`,
    ]);
    const spin = page.locator('#spin--reaches-two');
    expect(await spin.locator('p.lasso').innerText()).toBe('A lasso, a behaviour that never ends: the cycle of states 1 to 2, repeated for ever.');
    expect(await spin.locator('p.fairness').innerText()).toBe(`Fairness: ${fairness}`);
    await spin.locator('tr.loop').click();
    expect(await spin.getAttribute('data-selected')).toBe('0');
    // stuck: state 1, then state 2 for ever.
    expect(await rows('stuck--reaches-two')).toEqual([
      `step prefix | 1 Initial predicate | ${NONE}`,
      `step cycle | 2 counter Step(0 -> 1) | ${BAR}`,
      `loop | 3 Stuttering | ${BAR}`,
    ]);
    const stuck = page.locator('#stuck--reaches-two');
    expect(await stuck.locator('p.lasso').innerText()).toBe('A lasso, a behaviour that never ends: states 1 to 2, then state 2 for ever (stuttering).');
    // The stuttering lasso's sentence is the one the checker computed for it (cycleFairness).
    expect(traces[1]!.view.fairness).toBeDefined();
    expect(await stuck.locator('p.fairness').innerText()).toBe(`Fairness: ${traces[1]!.view.fairness}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows each named scenario's own design, configuration and bounds in its section", async () => {
    const plan = JSON.parse(readFileSync(join(root, 'spec/revoke/counterexamples.json'), 'utf8')) as CounterexamplePlan;
    const tableBounds = { ...revoke.defaults, ...plan.params } as Record<string, unknown>;
    const { page, errors } = await open(committed);
    for (const sc of plan.scenarios!) {
      const config = JSON.parse(readFileSync(join(root, 'spec/revoke/configs', `${sc.config}.json`), 'utf8')) as Record<string, unknown>;
      const section = page.locator('section.trace', { has: page.locator('h2', { hasText: sc.title }) });
      expect(await section.count(), sc.title).toBe(1);
      const setting = await section.locator('p.setting').innerText();
      const bounds = await section.locator('p.bounds').innerText();
      expect(setting).toContain(`Design ${String(sc.set!.variant)}, config ${sc.config}: the table's bounds`);
      for (const [k, v] of Object.entries(config)) {
        expect(bounds, `${sc.title}: ${k}`).toContain(`${k} = ${JSON.stringify(v)}`);
        // The header names the bounds the scenario changed: those not the table's (its defaults).
        if (v !== tableBounds[k]) expect(setting, `${sc.title}: ${k}`).toContain(`${k} = ${JSON.stringify(v)}`);
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows every cell of the committed table in GUARANTEES.md's words, qualified ones grey and never green", async () => {
    const { page, errors } = await open(committed);
    const cells = await tableCells(page);
    const md = markdownCells(readFileSync(join(root, 'counterexamples', 'GUARANTEES.md'), 'utf8'));
    expect(cells.map((r) => r.map((c) => c.text))).toEqual(md.map((r) => r.map((c) => c.text)));
    const looks = new Set<string>();
    for (const [i, row] of cells.entries()) {
      for (const [j, cell] of row.entries()) {
        const kind = md[i]![j]!.kind;
        looks.add(`${kind} ${cell.background}`);
        expect(cell.background, `${cell.text}: ${kind}`).toBe(BACKGROUND[kind]);
      }
    }
    expect([...looks].sort()).toEqual(['holds rgb(233, 247, 233)', 'qualified rgb(238, 238, 238)', 'violated rgb(253, 232, 232)']);
    // Every row leaves other-inodes-untouched unexercised (no inode J at the default bounds) or unclaimed.
    const qualifiedOtherInodes = cells.map((r) => r[r.length - 4]!.text).filter((t) => t.startsWith('not exercised') || t.startsWith('n/a'));
    expect(qualifiedOtherInodes.length).toBe(cells.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows every qualified verdict (not exercised, n/a, not claimed, incomplete, interrupted) in its own words, apart from "holds"', async () => {
    const cell = (guarantee: string, c: Partial<TableCell>): TableCell => ({ value: 'd', guarantee, verdict: 'holds', distinctStates: 1234, traceLength: null, ...c });
    const cells = [
      cell('g-holds', {}),
      cell('g-violated', { verdict: 'violated', traceLength: 1 }),
      cell('g-vacuous', { verdict: 'not-exercised' }),
      cell('g-revokeat', { verdict: 'n/a', reason: 'revokeat' }),
      cell('g-claims', { verdict: 'n/a', reason: 'not claimed' }),
      cell('g-budget', { verdict: 'incomplete' }),
      cell('g-stopped', { verdict: 'interrupted' }),
    ];
    const table: TableResult = {
      spec: 'test/qualified',
      params: { variant: 'd', tasks: 2 },
      param: 'variant',
      values: ['d'],
      labels: ['d'],
      guarantees: cells.map((c) => c.guarantee),
      cells,
      unreached: [{ value: 'd', name: 'g-vacuous' }],
      seconds: 0,
    };
    const file = join(temp, 'qualified.html');
    writeFileSync(file, indexHtml(table, []));
    const { page, errors } = await open(file);
    const [shown] = await tableCells(page);
    const words = cells.map(cellText);
    expect(words).toEqual(['holds (1,234 states)', 'violated (1 step)', 'not exercised (1,234 states)', 'n/a: revokeat', 'n/a: not claimed', 'incomplete (1,234 states)', 'interrupted']);
    expect(shown!.map((c) => c.text)).toEqual(words);
    expect(markdownCells(guaranteesMd(table))[0]!.map((c) => c.text)).toEqual(words);
    const [holds, violated, ...qualified] = shown!;
    expect(holds!.background).toBe(BACKGROUND.holds);
    expect(violated!.background).toBe(BACKGROUND.violated);
    for (const q of qualified) {
      expect(q.background, q.text).toBe(BACKGROUND.qualified);
      expect(q.style, q.text).toBe('italic');
      expect(q.text, q.text).not.toMatch(/^holds/);
    }
    expect(await page.locator('p.legend').first().innerText()).toContain('"not exercised" (the bounds never produce the situation the guarantee is about, so it holds only vacuously)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone: only the table, the lanes, the steps and the pictures scroll, each in its own pane', async () => {
    const { page, errors } = await open(committed, '', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    expect(await page.evaluate('[document.scrollingElement.scrollWidth, window.innerWidth]')).toEqual([390, 390]);
    // The wide table scrolls inside its pane.
    expect(await page.evaluate(`(() => { const pane = document.querySelector('table.guarantees').parentElement;
      return [getComputedStyle(pane).overflowX, pane.scrollWidth > pane.clientWidth]; })()`)).toEqual(['auto', true]);
    // Every picture keeps its own size (its text stays readable) and scrolls in its pane when wider than that.
    const pictures = (await page.evaluate(`[...document.querySelectorAll('.pics svg')].filter((s) => s.getBoundingClientRect().width > 0).map((svg) => {
      const pane = svg.parentElement;
      return { shown: svg.getBoundingClientRect().width, own: svg.width.baseVal.value, pane: getComputedStyle(pane).overflowX, paneWidth: pane.clientWidth };
    })`)) as { shown: number; own: number; pane: string; paneWidth: number }[];
    expect(pictures.length).toBeGreaterThan(50);
    for (const p of pictures) {
      expect(p.shown).toBeCloseTo(p.own, 0);
      expect(p.pane).toBe('auto');
      expect(p.paneWidth).toBeLessThanOrEqual(390);
    }
    expect(pictures.some((p) => p.own > 390)).toBe(true);
    await page.locator('section.trace').nth(4).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'counterexamples-phone.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

const BACKGROUND = { holds: 'rgb(233, 247, 233)', violated: 'rgb(253, 232, 232)', qualified: 'rgb(238, 238, 238)' };

/** The guarantee table's body cells as Chromium shows them: words, background, font style. */
async function tableCells(page: Page): Promise<{ text: string; background: string; style: string }[][]> {
  return page.evaluate(`[...document.querySelectorAll('table.guarantees tr')].slice(1).map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => ({ text: td.innerText, background: getComputedStyle(td).backgroundColor, style: getComputedStyle(td).fontStyle })))`);
}

/** GUARANTEES.md's table body: each cell's words and kind (a link is violated, italics qualified). */
function markdownCells(md: string): { text: string; kind: 'holds' | 'violated' | 'qualified' }[][] {
  // The guarantee table is the first table (the promises' table follows it).
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| '));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  const rows = lines.slice(start, end).filter((l) => !l.startsWith('| ---'));
  return rows.slice(1).map((row) =>
    row
      .slice(2, -2)
      .split(' | ')
      .slice(1)
      .map((cell) => {
        const link = cell.match(/^\[(.*)\]\(.*\)$/);
        if (link) return { text: link[1]!, kind: 'violated' as const };
        // A qualified cell with a trace (not promised): in italics, and linked.
        const qualifiedLink = cell.match(/^\*\[(.*)\]\(.*\)\*$/);
        if (qualifiedLink) return { text: qualifiedLink[1]!, kind: 'qualified' as const };
        const italic = cell.match(/^\*(.*)\*$/);
        return italic ? { text: italic[1]!, kind: 'qualified' as const } : { text: cell, kind: 'holds' as const };
      }),
  );
}
