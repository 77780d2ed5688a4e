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
import { duplicateIds } from './pageIds.ts';

const temp = mkdtempSync(join(tmpdir(), 'rmc-generate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function generate(outDir: string, presentation = true): Promise<string[]> {
  const study = handoffStudy(presentation);
  const params = { ...study.defaults };
  return generateCounterexamples({ study, params, table: await runTable(study, params), outDir });
}

const read = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('generateCounterexamples', () => {
  it('writes every artefact of each violated cell, the table, the README and the page', async () => {
    const files = await generate(join(temp, 'one'));
    const stem = 'naive--no-usable-descriptor';
    expect(files).toEqual([MANIFEST, 'GUARANTEES.md', 'README.md', 'index.html', ...['itf.json', 'objects.dot', 'objects.svg', 'seq.dot', 'seq.svg', 'txt'].map((x) => `${stem}.${x}`)]);
    expect(readdirSync(join(temp, 'one')).sort()).toEqual(files);
    const out = read(join(temp, 'one'));
    expect(out['GUARANTEES.md']).toContain('| naive | [violated (3 steps)](naive--no-usable-descriptor.txt) | holds (6 states) |');
    expect(out['GUARANTEES.md']).toContain('| drains | holds (4 states) | holds (4 states) |');
    expect(out[`${stem}.txt`]).toContain('State 4: <RecvFd(A): fd 4 -> F0>');
    expect(out[`${stem}.txt`]).toContain('     4              RecvFd(A): fd 4 -> F0\n');
    expect(out[`${stem}.txt`]).toContain(' <- no-usable-descriptor: broken in state 4\n');
    expect(validateItf(JSON.parse(out[`${stem}.itf.json`]!))).toEqual([]);
    expect(out['README.md']).toContain(`[sequence diagram](${stem}.seq.svg)`);
    // The handoff spec has neither a JSON view nor a layout: its ITF is its raw state, typed by kind.
    expect(out['README.md']).toContain("Each `.itf.json` holds the state's own variables");
    expect(out['README.md']).toContain('typed by the kind of each value');
    expect(out['README.md']).not.toContain('| variable | type |');
    expect(out['index.html']).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(out['index.html']).toContain(`id="${stem}"`);
    expect(duplicateIds(out['index.html']!)).toEqual([]);
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
