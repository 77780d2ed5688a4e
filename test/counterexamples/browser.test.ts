// The generated index.html works in a real browser: headless Chromium (Debian's package, driven
// by playwright-core) opens it from a file:// URL, steps through a trace, and the step's diff and
// the highlighted box in the sequence diagram follow. A screenshot goes to test-results/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { regenerateCounterexamples } from '../../checker/counterexamples/regenerate.ts';
import { handoffSpec } from '../checker/trace/render/handoffSpec.ts';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const mustRun = process.env.CI === 'true';
const why = `${CHROMIUM} is missing (apt-get install -y chromium), so the browser test is skipped`;
if (!present && !mustRun) console.log(why);

const temp = mkdtempSync(join(tmpdir(), 'rmc-browser-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe.skipIf(!present && !mustRun)('index.html in headless Chromium', () => {
  it('steps through a trace: the diff and the highlighted step change', async () => {
    expect(present, `${CHROMIUM} is missing and CI=true: install chromium`).toBe(true);
    const out = join(temp, 'counterexamples');
    await regenerateCounterexamples(handoffSpec(true), out);
    // A fresh profile each run: launchPersistentContext is how playwright takes a user-data-dir.
    const browser = await chromium.launchPersistentContext(join(temp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => { if (!r.url().startsWith('file:')) errors.push(`fetched ${r.url()}`); });
      await page.goto(pathToFileURL(join(out, 'index.html')).href);
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
      const shots = resolve('test-results');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'counterexamples-index.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
