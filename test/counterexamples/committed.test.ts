// What a reader of the committed counterexamples/ folder sees, checked on the folder itself
// (fresh.test.ts proves it is what a regeneration writes): the words, the ids and the titles.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duplicateIds, pageIds, unpackedPage } from './pageIds.ts';

const root = resolve(import.meta.dirname, '../..');
const folder = join(root, 'counterexamples');
const read = (name: string) => readFileSync(join(folder, name), 'utf8');

describe('the committed counterexamples folder', () => {
  it('counts a one-step trace in the singular, in the README and on the page', () => {
    for (const name of ['README.md', 'index.html', 'GUARANTEES.md']) {
      expect(read(name), name).not.toMatch(/\b1 steps\b/);
    }
    expect(read('README.md')).toContain('breaks `revoked-ops-fail-with-ebadf-or-enxio` in 1 step\n');
    expect(read('index.html')).toContain('breaks <code>revoked-ops-fail-with-ebadf-or-enxio</code> in 1 step</h2>');
  });

  it('gives every named scenario a label of its own (T8a, T8b: not two T8s)', () => {
    const plan = JSON.parse(readFileSync(join(root, 'spec/revoke/counterexamples.json'), 'utf8')) as { scenarios: { title: string }[] };
    const labels = plan.scenarios.map((s) => s.title.slice(0, s.title.indexOf(':')));
    expect(labels).toContain('T8a');
    expect(new Set(labels).size).toBe(labels.length);
    const headings = [...read('index.html').matchAll(/<h2>([^:<]*):/g)].map((m) => m[1]);
    expect(headings.filter((h) => h!.startsWith('T8'))).toEqual(['T8a', 'T8b']);
  });

  it("carries its pictures packed, so the page's own bytes are its text (2.4 MB when they were inline)", () => {
    const page = read('index.html');
    expect(page).not.toContain('<svg');
    expect(unpackedPage(page).match(/<svg/g)!.length).toBeGreaterThan(300);
    expect(page.length).toBeLessThan(1_000_000);
  });

  it('gives every element of the page an id of its own', () => {
    const html = unpackedPage(read('index.html'));
    expect(pageIds(html).length).toBeGreaterThan(1000);
    expect(duplicateIds(html)).toEqual([]);
  });

  it('titles each picture with its own design, configuration and bounds', () => {
    const title = (svg: string) => svg.match(/class="graph"[^>]*>\n<title>([^<]*)<\/title>/)![1]!.replace(/&#45;/g, '-').replace(/&#39;/g, "'");
    for (const kind of ['seq', 'objects']) {
      const files = readdirSync(folder).filter((f) => f.endsWith(`.${kind}.svg`));
      const titles = files.map((f) => title(read(f)));
      expect(new Set(titles).size, kind).toBe(files.length);
      for (const [i, f] of files.entries()) {
        const [config, design, guarantee] = f.split('--').length === 3 ? f.split('--') : [undefined, ...f.split('--')];
        const g = guarantee!.replace(`.${kind}.svg`, '');
        const last = [`revoke: ${design}, the state that breaks ${g}`, `revoke: ${design}, the last state of the cycle that breaks ${g}`];
        if (kind === 'seq') expect(titles[i]).toContain(`revoke: ${design} breaks ${g}`);
        else expect(last.some((t) => titles[i]!.includes(t)), titles[i]).toBe(true);
        expect(titles[i]).toContain(config === undefined ? "revoke's default bounds" : `config ${config}: revoke's default bounds`);
      }
    }
    expect(title(read('fork-mid-scan--enberg-2007--no-usable-descriptor.seq.svg'))).toBe(
      "revoke: enberg-2007 breaks no-usable-descriptor in 5 steps config fork-mid-scan: revoke's default bounds but selfSend = false, fork = true",
    );
  });

  it("draws every state's object graph on the page, the breaking state's shown first", () => {
    const sections = unpackedPage(read('index.html')).split('<section class="trace"').slice(1);
    expect(sections.length).toBeGreaterThan(40);
    for (const section of sections) {
      const rows = section.match(/<tr class="step"/g)?.length ?? 0;
      const figures = [...section.matchAll(/<figure class="objects" data-state="(\d+)"( hidden)?>/g)];
      if (rows === 0) continue; // a trace the page notes as the same as another's
      expect(figures.map((f) => Number(f[1]))).toEqual([...Array(rows).keys()]);
      expect(figures.filter((f) => f[2] === undefined).map((f) => Number(f[1]))).toEqual([rows - 1]);
    }
  });

  it("notes T1 as the table's enberg-2007 x no-usable-descriptor trace instead of showing it again", () => {
    const html = read('index.html');
    const section = (stem: string) => html.slice(html.indexOf(`<section class="trace" id="${stem}"`), html.indexOf('</section>', html.indexOf(`id="${stem}"`)));
    const t1 = section('viro-handoff--enberg-2007--no-usable-descriptor');
    expect(t1).toContain(
      '<p class="same">The same trace as the table\'s <a href="#enberg-2007--no-usable-descriptor">enberg-2007 × no-usable-descriptor</a>: the same states in the same order.',
    );
    expect(t1).not.toContain('<tr class="step"');
    expect(t1).not.toContain('<svg');
    expect(section('enberg-2007--no-usable-descriptor')).toContain('<tr class="step"');
    expect(read('README.md')).toContain(
      "The same trace as the table's [enberg-2007 × no-usable-descriptor](enberg-2007--no-usable-descriptor.txt): the same states in the same order.",
    );
    // One interleaving that breaks two guarantees of a row is shown once.
    expect(section('enberg-2007--writes-complete-reads-abort')).toContain(
      'the same states in the same order, and its last state breaks <code>writes-complete-reads-abort</code> too.',
    );
    // Viro (b), a self-send under one task, has states no other trace on the page has (T2, the
    // two-task self-send, is a test scenario, not a trace of the page).
    expect(section('viro-b--enberg-2007--no-inode-access-after-return')).not.toContain('class="same"');
  });
});
