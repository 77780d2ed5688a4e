// Qualified verdicts: a guarantee whose situation the bounds never produce is "not exercised",
// one the study says does not apply is "n/a"; neither is reported as holding or as violated.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmc, tempDir } from './runRmc.ts';

// A study of a counter with two designs. `Overflow` is about reaching the limit + 1, which
// 'careful' never does (its partner is never reached there); `Wraps` applies only when wrap=true.
const designs = `
type S = { n: number };
type P = { design: string; limit: number; wrap: boolean };
const spec = {
  name: 'qualified', summary: 'two counter designs', defaults: { design: 'careful', limit: 2, wrap: false },
  init: () => [{ n: 0 }],
  actions: [{ name: 'Inc', successors: (s: S, p: P) => (s.n < p.limit + (p.design === 'sloppy' ? 1 : 0) ? [{ label: 'Inc', state: { n: s.n + 1 } }] : []) }],
  terminal: () => true,
  invariants: {
    Overflow: (s: S, p: P) => s.n <= p.limit + 1,
    Wraps: (s: S) => s.n >= 0,
  },
  reachable: { Overflow: (s: S, p: P) => s.n === p.limit + 1 },
};
export default {
  name: 'qualified', summary: 'two counter designs', defaults: spec.defaults,
  rows: { param: 'design', values: ['careful', 'sloppy'] },
  specFor: () => spec,
  notApplicable: (p: P) => (p.wrap ? {} : { Wraps: 'no wrap-around' }),
};
`;

describe('qualified verdicts', () => {
  const dir = tempDir('rmc-qualified-');
  const file = join(dir, 'qualified.mts');
  writeFileSync(file, designs);

  it('warns that an unexercised guarantee holds only vacuously, and exits 0', () => {
    const text = rmc(['check', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Warning: Overflow is not exercised');
    expect(text.stdout).toContain('Not checked: Wraps does not apply here (n/a: no wrap-around).');
    expect(text.stdout).toContain('  Overflow  invariant  not exercised (holds only vacuously)\n  Wraps     invariant  n/a: no wrap-around\n');
    const json = rmc(['check', file, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      verdict: 'ok',
      unreached: ['Overflow'],
      notApplicable: [{ name: 'Wraps', reason: 'no wrap-around' }],
      verdicts: [
        { name: 'Overflow', kind: 'invariant', verdict: 'not-exercised' },
        { name: 'Wraps', kind: 'invariant', verdict: 'n/a', reason: 'no wrap-around' },
      ],
      violations: [],
    });
    expect(json.stderr).toMatch(/^rmc: warning: Overflow is not exercised/m);
  });

  it('fails (exit 12) when the guarantee is named, or under --strict', () => {
    for (const args of [['--invariant', 'Overflow'], ['--strict']]) {
      const r = rmc(['check', file, ...args, '--json']);
      expect(r.code).toBe(12);
      expect(JSON.parse(r.stdout).violations).toEqual([{ kind: 'unreached', name: 'Overflow', trace: [] }]);
    }
  });

  it("says why it fails: the named guarantee's partner is never reached, so the guarantee holds only vacuously", () => {
    const r = rmc(['check', file, '--strict']);
    expect(r.code).toBe(12);
    expect(r.stdout).toContain(
      'Error: Overflow is not exercised: its reachability partner is never reached (no reachable state is in the situation it is about), so it holds only vacuously within these bounds.',
    );
    expect(r.stdout).not.toContain('guards');
  });

  it('says a reachable predicate of its own guards nothing: the spec claimed the situation arises, and it does not', () => {
    const own = join(dir, 'own.mts');
    writeFileSync(own, designs.replace('reachable: { Overflow:', 'reachable: { Overshoots:'));
    const r = rmc(['check', own]);
    expect(r.code).toBe(12);
    expect(r.stdout).toContain(
      'Error: Overshoots is never reached: the spec says some reachable state satisfies it (a reachable predicate of its own, guarding no guarantee), and none does within these bounds.',
    );
  });

  it('checks a guarantee where it applies', () => {
    const r = rmc(['check', file, '--set', 'wrap=true', '--json']);
    expect(JSON.parse(r.stdout).notApplicable).toEqual([]);
  });

  it('marks the cells and the column in the table, as text and as JSON', () => {
    const text = rmc(['table', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\| design\s+\| Overflow\*\s+\| Wraps\s+\|/);
    expect(text.stdout).toMatch(/\| careful\s+\| not exercised \(3 states\) \| n\/a: no wrap-around \|/);
    expect(text.stdout).toMatch(/\| sloppy\s+\| holds \(4 states\)\s+\| n\/a: no wrap-around \|/);
    expect(text.stdout).toContain('* not exercised in some rows');
    const json = JSON.parse(rmc(['table', file, '--json']).stdout);
    expect(json.cells).toContainEqual({ design: 'careful', guarantee: 'Overflow', verdict: 'not-exercised', distinctStates: 3, traceLength: null });
    expect(json.cells).toContainEqual({
      design: 'careful',
      guarantee: 'Wraps',
      verdict: 'n/a',
      reason: 'no wrap-around',
      distinctStates: 3,
      traceLength: null,
    });
    expect(json.unreached).toEqual([{ design: 'careful', name: 'Overflow' }]);
  });
});

describe('the revoke model at its default bounds', () => {
  it('passes a CI job when the guarantees named all hold (exit 0), G6 n/a among them', () => {
    // vnode-revoke keeps G1, G4 and G7 at the default bounds (it breaks G2, G3 and G8).
    const r = rmc([
      'check',
      'revoke',
      '--set',
      'variant=vnode-revoke',
      '--invariant',
      'no-usable-descriptor',
      '--invariant',
      'no-live-file-anywhere',
      '--invariant',
      'revoked-ops-fail-with-ebadf-or-enxio',
      '--invariant',
      'caller-access-as-specified',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('ok');
    expect(report.unreached).toEqual([]);
    expect(report.notApplicable).toEqual([{ name: 'caller-access-as-specified', reason: 'revokeat' }]);
  });
});
