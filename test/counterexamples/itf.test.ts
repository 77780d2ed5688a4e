// Every ITF trace in the committed counterexamples/ folder (which fresh.test.ts holds equal to a
// fresh regeneration) passes the strict ITF rules of validateItf, a checker written apart from
// the writer: no #unserializable, no null, one type per variable across the states. Each trace
// has the variables and the states of its text twin, so the two read in one vocabulary, and the
// folder's README gives each of those variables its type. And the check can fail: hand-broken
// copies of a committed trace are rejected, each for its breach.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST } from '../../checker/study/counterexamples/outFolder.ts';
import { validateItf } from '../checker/trace/render/validateItf.ts';

const folder = resolve(import.meta.dirname, '../../counterexamples');
const listed = (JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8')) as { files: string[] }).files;
const itfFiles = listed.filter((f) => f.endsWith('.itf.json'));
const read = (f: string) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as Record<string, unknown>;
type State = Record<string, unknown>;

/** The variables the text trace's first state prints (`/\ name = value`), and how many states it numbers (a lasso's closing "Stuttering" line is none). */
function textTrace(file: string): { vars: string[]; states: number } {
  const text = readFileSync(join(folder, file), 'utf8');
  const first = text.split('\n\n').find((block) => block.startsWith('State 1: '))!;
  const vars = first
    .split('\n')
    .slice(1)
    .map((line) => /^\/\\ (\w+) = /.exec(line)![1]!);
  return { vars, states: text.match(/^State \d+: </gm)!.length };
}

describe('the committed ITF traces', () => {
  it('are one for every text trace the manifest lists', () => {
    const texts = listed.filter((f) => f.endsWith('.txt') && !f.endsWith('.lkml.txt'));
    expect(itfFiles.length).toBeGreaterThan(0);
    expect(itfFiles.map((f) => f.replace(/\.itf\.json$/, ''))).toEqual(texts.map((f) => f.replace(/\.txt$/, '')));
    expect(readdirSync(folder).filter((f) => f.endsWith('.itf.json'))).toEqual(itfFiles);
  });

  it.each(itfFiles)('%s passes the strict ITF rules', (f) => {
    expect(validateItf(read(f))).toEqual([]);
  });

  it.each(itfFiles)('%s has the variables and the states of its text trace', (f) => {
    const json = read(f);
    const text = textTrace(f.replace(/\.itf\.json$/, '.txt'));
    // The text trace's variables, and (since Quint's --mbt traces carry them) the action taken and its picks.
    const vars = (json.vars as string[]).filter((v) => v !== 'mbt::actionTaken' && v !== 'mbt::nondetPicks');
    expect([...vars].sort()).toEqual([...text.vars].sort());
    expect((json.states as unknown[]).length).toBe(text.states);
  });

  it("are described variable by variable in the folder's README", () => {
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    const described = [...readme.matchAll(/^\| `([\w:]+)` \| `[^`]+`.* \|$/gm)].map((m) => m[1]);
    // Variables only some rows have (a design's own state) are described with those rows.
    const some = new Set([...readme.matchAll(/^\| `([\w:]+)` \| only under .* \|$/gm)].map((m) => m[1]));
    for (const f of itfFiles) expect((read(f).vars as string[]).filter((v) => !some.has(v)), f).toEqual(described);
  });

  it('writes absent values as options somewhere, so the option form is checked on real traces', () => {
    const all = itfFiles.map((f) => readFileSync(join(folder, f), 'utf8')).join('\n');
    expect(all).toContain('{"tag":"None","value":{"#tup":[]}}');
    expect(all).toContain('{"tag":"Some","value":');
    expect(all).not.toContain('#unserializable');
  });
});

describe('the strict ITF rules on hand-broken copies of a committed trace', () => {
  // The first trace holding an option: an opening's file, None while the open is only permitted.
  const name = itfFiles.find((f) =>
    (read(f).states as State[]).some((s) => (s.opening as State[]).some((o) => (o.file as State | undefined)?.tag === 'None')),
  )!;
  const broken = (edit: (states: State[]) => void): Record<string, unknown> => {
    const json = read(name);
    edit(json.states as State[]);
    return json;
  };
  const at = (states: State[]) => {
    const i = states.findIndex((s) => (s.opening as unknown[]).length > 0);
    return { i, opening: (states[i]!.opening as State[])[0]! };
  };

  it('finds an intact copy clean', () => {
    expect(validateItf(broken(() => {}))).toEqual([]);
  });

  it("rejects the old form of absence, {'#unserializable': 'null'}", () => {
    const json = broken((states) => {
      const { opening } = at(states);
      opening.file = { '#unserializable': 'null' };
    });
    const { i } = at(read(name).states as State[]);
    expect(validateItf(json)).toEqual([`states[${i}].opening[0].file: #unserializable "null" is no value Quint can read`]);
  });

  it('rejects a field that is an option in one state and a bare value in another', () => {
    const json = broken((states) => {
      const { opening } = at(states);
      opening.file = 'F0';
    });
    // The first state with an opening now says `file: str`; the next one's None clashes with it.
    const { i } = at(read(name).states as State[]);
    expect(validateItf(json)[0]).toBe(
      `states[${i + 1}].opening: type list<{ file: None(()), task: str }> differs from the earlier states' list<{ file: str, task: str }>`,
    );
  });

  it('rejects null, a missing variable, an integer beyond 2^53 and a record Quint would take for a variant', () => {
    const json = broken((states) => {
      states[0]!.message = null;
      (states[0]!.files as { '#map': [string, State][] })['#map'][0]![1].count = 2 ** 60;
      delete states[1]!.call;
      (states[2]!.revoker as State).tag = 'x';
    });
    expect(validateItf(json)).toEqual([
      'states[0].files#map[0][1].count: 1152921504606847000 is not an integer within 2^53 (use #bigint)',
      'states[0].message: null is not an ITF value',
      'states[1] lacks variable call',
      'states[2].revoker: an object with a tag field is a variant, which has exactly a string tag and a value',
    ]);
  });
});
