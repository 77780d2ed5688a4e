import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareFolders } from '../../checker/study/counterexamples/compareFolders.ts';
import { generateCounterexamples } from '../../checker/study/counterexamples/generate.ts';
import { MANIFEST, manifestText } from '../../checker/study/counterexamples/outFolder.ts';
import { runTable } from '../../checker/study/table.ts';
import { validateItf } from '../checker/trace/render/validateItf.ts';
import { handoffStudy } from '../checker/trace/render/handoffSpec.ts';
import { lassoStudy } from './lassoSpec.ts';
import { duplicateIds, unpackedPage } from './pageIds.ts';

const temp = mkdtempSync(join(tmpdir(), 'rmc-generate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function generate(outDir: string, presentation = true): Promise<string[]> {
  const study = handoffStudy(presentation);
  const params = { ...study.defaults };
  return generateCounterexamples({ study, params, table: await runTable(study, params), outDir });
}

/** Every file of a generated folder, those of its designs/ subfolder as `designs/<name>`. */
const read = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? readdirSync(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

describe('generateCounterexamples', () => {
  it('writes every artefact of each violated cell, the table, the README and the page', async () => {
    const files = await generate(join(temp, 'one'));
    const stem = 'naive--no-usable-descriptor';
    expect(files).toEqual([
      MANIFEST,
      'GUARANTEES.md',
      'README.md',
      'designs/drains.md',
      'designs/naive.md',
      'index.html',
      ...['itf.json', 'lkml.txt', 'objects.dot', 'objects.svg', 'seq.dot', 'seq.svg', 'txt'].map((x) => `${stem}.${x}`),
    ]);
    const out = read(join(temp, 'one'));
    expect(Object.keys(out)).toEqual(files);
    // The LKML form, within 72 columns, and a sheet per row linked from the page's table.
    expect(out[`${stem}.lkml.txt`]!.split('\n').every((l) => l.length <= 72)).toBe(true);
    expect(out[`${stem}.lkml.txt`]).toContain('Observation: no-usable-descriptor broken in state 4.');
    expect(out['designs/naive.md']).toContain('naive: what it guarantees\n=========================');
    expect(out['designs/naive.md']).toContain('- `no-usable-descriptor`: **broken** (violated (3 steps); the trace is below).');
    expect(out['designs/naive.md']).toContain(out[`${stem}.lkml.txt`]!.trimEnd());
    expect(out['designs/drains.md']).toContain('- `no-usable-descriptor`: **kept**: no reachable state breaks it (holds (4 states)).');
    expect(out['designs/drains.md']).not.toContain('Broken promises');
    expect(out['index.html']).toContain('<a href="designs/naive.md">naive</a>');
    expect(out['GUARANTEES.md']).toContain('| naive | [violated (3 steps)](naive--no-usable-descriptor.txt) | holds (6 states) |');
    expect(out['GUARANTEES.md']).toContain('| drains | holds (4 states) | holds (4 states) |');
    expect(out[`${stem}.txt`]).toContain('State 4: <RecvFd(A): fd 4 -> F0>');
    expect(out[`${stem}.txt`]).toContain('     4              RecvFd(A): fd 4 -> F0\n');
    expect(out[`${stem}.txt`]).toContain(' <- no-usable-descriptor: broken in state 4\n');
    expect(validateItf(JSON.parse(out[`${stem}.itf.json`]!), { mbt: true })).toEqual([]);
    expect(out['README.md']).toContain(`[sequence diagram](${stem}.seq.svg)`);
    // The handoff spec has neither a JSON view nor a layout: its ITF is its raw state, typed by kind.
    expect(out['README.md']).toContain("Each `.itf.json` holds the state's own variables");
    expect(out['README.md']).toContain('typed by the kind of each value');
    expect(out['README.md']).not.toContain('| variable | type |');
    expect(out['index.html']).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(out['index.html']).toContain(`id="${stem}"`);
    expect(duplicateIds(unpackedPage(out['index.html']!))).toEqual([]);
    expect(unpackedPage(out['index.html']!)).toContain('<figure class="seq"><div class="scroll"><svg');
  });

  it('gives the same bytes when run twice into two folders', async () => {
    await generate(join(temp, 'a'));
    await generate(join(temp, 'b'));
    expect(read(join(temp, 'b'))).toEqual(read(join(temp, 'a')));
    await generate(join(temp, 'c'), false);
    await generate(join(temp, 'd'), false);
    expect(read(join(temp, 'd'))).toEqual(read(join(temp, 'c')));
    expect(compareFolders(join(temp, 'a'), join(temp, 'b'))).toEqual([]);
  });

  it('tells a fresh folder from an edited, pruned or padded one (what the freshness test relies on)', async () => {
    const [fresh, edited] = [join(temp, 'fresh'), join(temp, 'edited')];
    await generate(fresh);
    await generate(edited);
    writeFileSync(join(edited, 'README.md'), readFileSync(join(edited, 'README.md'), 'utf8') + ' ');
    rmSync(join(edited, 'index.html'));
    writeFileSync(join(edited, 'notes.txt'), '');
    rmSync(join(edited, MANIFEST));
    expect(compareFolders(edited, fresh)).toEqual([`${MANIFEST}: missing`, 'README.md: differs', 'index.html: missing', 'notes.txt: no longer generated']);
  });

  it('replaces a previous generation whole: the files it no longer generates go, no temporary folder is left', async () => {
    const out = join(temp, 'swap', 'counterexamples');
    await generate(out);
    // An older generation that also wrote stale.txt, as its manifest says.
    const listed = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')).files as string[];
    writeFileSync(join(out, 'stale.txt'), 'old');
    writeFileSync(join(out, MANIFEST), manifestText([...listed, 'stale.txt']));
    await generate(out);
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')).files).toEqual(listed);
    expect(readdirSync(join(temp, 'swap'))).toEqual(['counterexamples']);
  });

  it('refuses a folder holding a file it did not write, and deletes nothing', async () => {
    const out = join(temp, 'foreign', 'counterexamples');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'stale.txt'), 'mine');
    await expect(generate(out)).rejects.toThrow(`--out ${out} holds files rmc did not write (stale.txt); choose an empty or new folder`);
    expect(readdirSync(out)).toEqual(['stale.txt']);
    expect(readdirSync(join(temp, 'foreign'))).toEqual(['counterexamples']);
  });

  it('replaces its own designs/ subfolder, but refuses one holding a file it did not write', async () => {
    const out = join(temp, 'sheets', 'counterexamples');
    await generate(out);
    await generate(out);
    expect(readdirSync(join(out, 'designs'))).toEqual(['drains.md', 'naive.md']);
    writeFileSync(join(out, 'designs', 'mine.md'), 'mine');
    await expect(generate(out)).rejects.toThrow(`--out ${out} holds files rmc did not write (designs); choose an empty or new folder`);
    expect(readdirSync(join(out, 'designs'))).toEqual(['drains.md', 'mine.md', 'naive.md']);
  });

  it("ends a lasso's text with the step back, and its page rows with it", async () => {
    const study = lassoStudy;
    const out = join(temp, 'lasso');
    await generateCounterexamples({ study, params: { ...study.defaults }, table: await runTable(study, { ...study.defaults }), outDir: out });
    const files = read(out);
    expect(files['spin--reaches-two.txt']).toContain('Back to state 1: <Step(1 -> 0)>');
    expect(files['stuck--reaches-two.txt']).toContain('State 3: Stuttering');
    expect(files['index.html']).toContain('<td>Back to state 1: Step(1 -&gt; 0)</td>');
  });
});
