// The generated index.html works in a real browser: headless Chromium (Debian's package, driven
// by playwright-core) opens it from a file:// URL. On the handoff spec's page it steps through
// a trace, and the step's diff and the highlighted box in the sequence diagram follow; on the
// revoke page each named scenario states its own bounds, and every table cell shows
// GUARANTEES.md's words (in its tooltip: the cell shows a mark), a qualified one never as a green
// "holds". The revoke page is the committed one (fresh.test.ts proves it is what the generator writes).
// At 1280 px and at 390 px: the table's header row and design column stay in view as it
// scrolls, cells are compact, a lasso's cell is marked as one, the step list, diff and object
// graph sit side by side on the wide screen, Home/End and a lasso's "next" step as they should,
// and the pictures are drawn only when their section comes into view. Screenshots go to
// test-results/ (gitignored).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guaranteesMd } from '../../checker/study/counterexamples/guaranteesMd.ts';
import { indexHtml } from '../../checker/study/counterexamples/indexHtml.ts';
import { readPlan, regenerateCounterexamples, type CounterexamplePlan } from '../../checker/study/counterexamples/regenerate.ts';
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
const temp = mkdtempSync(join(tmpdir(), 'rmc-browser-'));
// The committed page: fresh.test.ts proves the committed folder is what the generator writes now,
// so the browser reads it rather than regenerating the whole table a second time in the suite.
const revokeFolder = join(root, 'counterexamples');
const revokePage = join(revokeFolder, 'index.html');
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
    // The pictures are drawn once the section is in view.
    await section.locator('figure.seq svg').waitFor();
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
    const { page, errors } = await open(revokePage);
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

  it("shows every cell of the revoke table in GUARANTEES.md's words, qualified ones grey and never green", async () => {
    const { page, errors } = await open(revokePage);
    const cells = await tableCells(page);
    const md = markdownCells(readFileSync(join(revokeFolder, 'GUARANTEES.md'), 'utf8'));
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
    const { page, errors } = await open(revokePage, '', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    expect(await page.evaluate('[document.scrollingElement.scrollWidth, window.innerWidth]')).toEqual([390, 390]);
    // The wide table scrolls inside its pane.
    expect(await page.evaluate(`(() => { const pane = document.querySelector('table.guarantees').parentElement;
      return [getComputedStyle(pane).overflowX, pane.scrollWidth > pane.clientWidth]; })()`)).toEqual(['auto', true]);
    // Every picture keeps its own size (its text stays readable) and scrolls in its pane when wider than that.
    await drawAll(page);
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

  /** Where an element is on the screen. */
  const box = (page: Page, selector: string) =>
    page.evaluate(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return { top: r.top, left: r.left, width: r.width, height: r.height }; })()`) as Promise<{ top: number; left: number; width: number; height: number }>;

  for (const [name, options] of [
    ['1280 px desktop', { viewport: { width: 1280, height: 480 } }],
    ['390 px phone', { viewport: { width: 390, height: 560 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
  ] as const) {
    it(`keeps the table's header row and design column in view while it scrolls, on a ${name}`, async () => {
      const { page, errors } = await open(revokePage, '', options);
      const pane = '.table-pane';
      const header = 'table.guarantees thead th:nth-child(3)';
      const design = 'table.guarantees tbody tr:nth-child(8) th.design';
      const before = { header: await box(page, header), design: await box(page, design), pane: await box(page, pane) };
      // Scroll the pane as far as it goes: down, and (where the table is wider than the screen) right.
      const [top, left] = (await page.evaluate(`(() => { const p = document.querySelector('${pane}'); p.scrollTop = 10000; p.scrollLeft = 10000; return [p.scrollTop, p.scrollLeft]; })()`)) as [number, number];
      expect(top).toBeGreaterThan(50);
      if (options.viewport.width < 600) expect(left).toBeGreaterThan(100);
      const after = { header: await box(page, header), design: await box(page, design) };
      // The header stays at the pane's top though the rows moved up; the design column at its left though the cells moved left.
      expect(after.header.top).toBeCloseTo(before.pane.top, -1);
      expect(after.design.top).toBeCloseTo(before.design.top - top, -1);
      expect(after.design.left).toBeCloseTo(before.design.left, -1);
      expect(after.header.left).toBeCloseTo(before.header.left - left, -1);
      await page.screenshot({ path: join(shots, `counterexamples-table-${options.viewport.width}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`shows compact cells, the words in a tooltip, and a lasso's cell marked as one, on a ${name}`, async () => {
      const { page, errors } = await open(revokePage, '', options);
      const cells = (await page.evaluate(`[...document.querySelectorAll('table.guarantees td')].map((td) => ({ text: td.innerText.trim(), title: td.title, cls: td.className, width: td.getBoundingClientRect().width }))`)) as {
        text: string;
        title: string;
        cls: string;
        width: number;
      }[];
      expect(cells.length).toBe(16 * 12);
      for (const c of cells) {
        if (c.title.startsWith('holds')) expect(c.text, c.title).toBe('\u2713');
        if (c.title.startsWith('violated')) expect(c.text, c.title).toMatch(/^[\u2717\u21bb] \d+$/);
        expect(c.text, c.title).not.toMatch(/states/);
        expect(c.width, c.title).toBeLessThan(140);
      }
      // c-revocable's revoke-returns is the table's lasso: a cycle mark and the lasso class; a safety trace has neither.
      const lasso = cells.filter((c) => c.cls.includes('lasso'));
      expect(lasso.map((c) => [c.text, c.title])).toEqual([['\u21bb 17', 'violated (17 steps)']]);
      expect(cells.filter((c) => c.text.startsWith('\u2717')).every((c) => !c.cls.includes('lasso'))).toBe(true);
      // The key explains the marks and colours, and each design's name links its sheet.
      expect(await page.locator('details.key').innerText()).toContain('violated by a lasso');
      expect(await page.locator('table.guarantees th.design a').first().getAttribute('href')).toBe('designs/enberg-2006.md');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('puts the step list, the diff and the object graph side by side at 1280 px, one above the other at 390 px', async () => {
    for (const [width, sideBySide] of [
      [1280, true],
      [390, false],
    ] as const) {
      const { page, errors } = await open(revokePage, '#enberg-2007--no-usable-descriptor-step-7', { viewport: { width, height: 900 } });
      const at = (pane: string) => box(page, `#enberg-2007--no-usable-descriptor .pane.${pane}`);
      await page.locator('#enberg-2007--no-usable-descriptor figure.objects:visible svg').waitFor();
      const [steps, diff, objects] = [await at('steps'), await at('diff'), await at('objects')];
      if (sideBySide) {
        expect(diff.top).toBeCloseTo(steps.top, 0);
        expect(objects.top).toBeCloseTo(steps.top, 0);
        expect(steps.left).toBeLessThan(diff.left);
        expect(diff.left).toBeLessThan(objects.left);
      } else {
        expect(diff.top).toBeGreaterThan(steps.top);
        expect(objects.top).toBeGreaterThan(diff.top);
      }
      await page.screenshot({ path: join(shots, `counterexamples-panes-${width}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("steps with Home and End, and next on a lasso's last state follows the step back", async () => {
    const { page, errors } = await open(revokePage, '#c-revocable--revoke-returns-step-18', { viewport: { width: 1280, height: 900 } });
    const section = page.locator('#c-revocable--revoke-returns');
    const selected = async () => Number(await section.getAttribute('data-selected')) + 1;
    await expect.poll(selected).toBe(18);
    await section.locator('.stepper').focus();
    // State 18 is the last of the cycle: next goes back to state 11, where it repeats from.
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe(11);
    await section.locator('button.next').click();
    expect(await selected()).toBe(12);
    await section.locator('.stepper').focus();
    await page.keyboard.press('Home');
    expect(await selected()).toBe(1);
    await page.keyboard.press('End');
    expect(await selected()).toBe(18);
    await section.locator('button.next').click();
    expect(await selected()).toBe(11);
    // A safety trace's last state has no step back: next stays there.
    const safety = page.locator('#enberg-2007--no-usable-descriptor');
    await safety.locator('.stepper').focus();
    await page.keyboard.press('End');
    await safety.locator('button.next').click();
    expect(await safety.getAttribute('data-selected')).toBe('6');
    // The cause is said on the page, in the same words as the trace's.
    expect(await section.locator('p.cause').innerText()).toContain("B's srcu_read_lock() overwrote F0's shared rev->idx (0 -> 1)");
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a section\'s pictures only when it comes into view', async () => {
    const { page, errors } = await open(revokePage, '', { viewport: { width: 1280, height: 900 } });
    const drawn = () => page.evaluate(`document.querySelectorAll('section.trace svg').length`) as Promise<number>;
    const waiting = () => page.evaluate(`document.querySelectorAll('section.trace template').length`) as Promise<number>;
    const sections = (await page.evaluate(`document.querySelectorAll('section.trace template.seq').length`)) as number;
    // At the top of the page only the table is in view: (almost) every section still waits.
    expect(await waiting()).toBeGreaterThan(sections);
    const early = await drawn();
    const last = page.locator('section.trace:has(template.seq)').last();
    const stem = await last.getAttribute('data-stem');
    await last.scrollIntoViewIfNeeded();
    await page.locator(`[id="${stem}"] figure.seq svg`).waitFor();
    expect(await drawn()).toBeGreaterThan(early);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The page with a deep table: two small rows under a stuck caller (deep.test.ts's plan), one cell differing. */
describe.skipIf(!present && !mustRun)('index.html with a deep table, in headless Chromium', () => {
  const deepPage = join(temp, 'deep', 'index.html');
  const stem = 'deep--rust-revocable--revoke-returns';
  let browser: Browser;
  beforeAll(async () => {
    // Of the default table too only the two rows (the plan's `rows`): the page's deep table is what is looked at.
    const rows = ['rust-revocable', 'evdev-revoke'];
    const plan: CounterexamplePlan = { ...readPlan(join(root, 'spec/revoke')), rows, scenarios: [], quoted: [], deep: { set: { stuckCaller: true }, rows } };
    await regenerateCounterexamples(revoke, join(temp, 'deep'), plan, join(root, 'spec/revoke/configs'), { deep: 'run' });
    mkdirSync(shots, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [1280, 390]) {
    it(`shows the deep table under the default one, its differing cell marked and opening its trace, at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(deepPage).href);
      expect(await page.locator('table.guarantees').count()).toBe(2);
      const deep = page.locator('table.guarantees.deep');
      expect(await deep.locator('tbody tr').count()).toBe(2);
      const differing = deep.locator('td.differs');
      expect(await differing.count()).toBe(1);
      expect((await differing.innerText()).trim()).toBe('\u2260 \u21bb 2');
      expect(await differing.getAttribute('title')).toBe('differs from the default table: violated (2 steps)');
      expect(await page.evaluate(`getComputedStyle(document.querySelector('table.guarantees.deep td.differs')).outlineStyle`)).toBe('solid');
      // The default table marks nothing; the key says what the mark means.
      expect(await page.locator('table.guarantees:not(.deep) td.differs').count()).toBe(0);
      expect(await page.locator('details.key').innerText()).toContain('differs from the default table');
      await page.evaluate(`document.getElementById('deep-table').scrollIntoView()`);
      await page.screenshot({ path: join(shots, `counterexamples-deep-${width}.png`) });
      await differing.locator('a').click();
      expect(new URL(page.url()).hash).toBe(`#${stem}`);
      const section = page.locator(`#${stem}`);
      expect(await section.locator('tr.step').count()).toBe(3);
      await section.locator('.stepper').focus();
      await page.keyboard.press('Home');
      expect(await section.getAttribute('data-selected')).toBe('0');
      await page.keyboard.press('End');
      expect(await section.getAttribute('data-selected')).toBe('2');
      await section.locator(`figure.seq svg`).waitFor();
      expect(await page.locator('ul.differences li').innerText()).toContain('rust-revocable \u00d7 revoke-returns: default holds');
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

/** Scrolls every trace section into view, so the page draws each one's pictures. */
async function drawAll(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    for (const s of document.querySelectorAll('section.trace')) {
      s.scrollIntoView();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
  })()`);
  await expect.poll(() => page.evaluate(`document.querySelectorAll('section.trace template').length`)).toBe(0);
}

const BACKGROUND = { holds: 'rgb(233, 247, 233)', violated: 'rgb(253, 232, 232)', qualified: 'rgb(238, 238, 238)' };

/** The guarantee table's body cells as Chromium shows them: words (the tooltip), background, font style. */
async function tableCells(page: Page): Promise<{ text: string; background: string; style: string }[][]> {
  return page.evaluate(`[...document.querySelectorAll('table.guarantees tr')].slice(1).map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => ({ text: td.title, background: getComputedStyle(td).backgroundColor, style: getComputedStyle(td).fontStyle })))`);
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
