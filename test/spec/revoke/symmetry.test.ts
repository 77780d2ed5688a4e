// The revoke model's declared symmetry (spec/revoke/symmetry.ts): F0 and F1 under revokeat with
// filesOnI=2. On a bound small enough for the edit loop, for each design that declares it:
// - it is a symmetry of the transition system up to orbits: for every reachable state s and its
//   image t, the successors of s and of t fall in the same orbits, and every invariant and
//   reachable predicate says the same of both (so a search of orbits reaches exactly the orbits
//   of the reachable states, at the same depths);
// - the search under --symmetry counts exactly those orbits;
// - every verdict and shortest trace length is the one without symmetry.
// And the designs that declare none fail the first check, which is why they declare none.
import { describe, expect, it } from 'vitest';
import study from '../../../spec/revoke/index.ts';
import { NOT_FILE_SYMMETRIC } from '../../../spec/revoke/symmetry.ts';
import type { RevokeParams, State } from '../../../spec/revoke/api/designApi.ts';
import { ByteWriter } from '../../../checker/state/byteWriter.ts';
import { encodeCanonical } from '../../../checker/state/canonicalEncoding.ts';
import { makeStateEncoder } from '../../../checker/state/stateEncoder.ts';
import { check } from '../../../checker/run/check.ts';

const small = (variant: string): RevokeParams => ({ ...study.defaults, variant, filesOnI: 2, fdsPerTable: 1, openInProgress: false });
const swap = new Map<string | number, string | number>([
  ['F0', 'F1'],
  ['F1', 'F0'],
]);

function keyer(encode: (s: unknown) => void, w: ByteWriter): (s: unknown) => string {
  return (s) => {
    encode(s);
    return Buffer.from(w.bytes.subarray(0, w.length)).toString('latin1');
  };
}

/** Every reachable state (no symmetry), the orbit key of each, and the states whose image breaks the symmetry. */
function orbitCheck(p: RevokeParams): { states: number; orbits: number; broken: number } {
  const spec = study.specFor(p);
  const plainWriter = new ByteWriter();
  const plain = keyer((s) => {
    plainWriter.reset();
    encodeCanonical(s, plainWriter);
  }, plainWriter);
  const orbitWriter = new ByteWriter();
  const orbit = keyer(makeStateEncoder(spec, p, orbitWriter, { symmetry: true }), orbitWriter);
  const successors = (s: State): State[] => spec.actions.flatMap((a) => [...a.successors(s, p)].map((x) => x.state));
  const seen = new Map<string, State>();
  let level = spec.init(p) as State[];
  for (const s of level) seen.set(plain(s), s);
  while (level.length > 0) {
    const next: State[] = [];
    for (const s of level)
      for (const t of successors(s)) {
        const k = plain(t);
        if (seen.has(k)) continue;
        seen.set(k, t);
        next.push(t);
      }
    level = next;
  }
  const permute = spec.symmetry!(p).permute!;
  const predicates = [...Object.values(spec.invariants), ...Object.values(spec.reachable ?? {})];
  let broken = 0;
  const orbits = new Set<string>();
  for (const s of seen.values()) {
    orbits.add(orbit(s));
    const t = permute(s, swap);
    const a = new Set(successors(s).map(orbit));
    const b = new Set(successors(t).map(orbit));
    const same = a.size === b.size && [...a].every((k) => b.has(k)) && predicates.every((f) => f(s, p) === f(t, p));
    if (!same) broken++;
  }
  return { states: seen.size, orbits: orbits.size, broken };
}

const verdicts = (r: Awaited<ReturnType<typeof check>>): string[] =>
  (r.verdicts ?? [])
    .map((v) => `${v.name}: ${v.verdict}`)
    .concat(r.violations.map((v) => `${v.name} in ${v.trace.length - 1}`))
    .sort();

describe('revoke: F0 and F1 interchangeable under revokeat', () => {
  for (const variant of ['file-list', 'hurd-io-revoke']) {
    it(`${variant}: a symmetry up to orbits, its orbits counted, the same verdicts and lengths`, async () => {
      const p = small(variant);
      const { states, orbits, broken } = orbitCheck(p);
      expect(broken).toBe(0);
      expect(orbits).toBeLessThan(states);
      const spec = study.specFor(p);
      const options = { continue: true, deadlock: false, invariants: Object.keys(spec.invariants), properties: [] };
      const plain = await check(spec, p, options);
      const reduced = await check(spec, p, { ...options, symmetry: true });
      expect(plain.stats.distinctStates).toBe(states);
      expect(reduced.stats.distinctStates).toBe(orbits);
      // (Not the depth: an orbit's is its nearest member's, so the deepest orbit may lie nearer.)
      expect(verdicts(reduced)).toEqual(verdicts(plain));
    });
  }

  it('enberg-2007 declares none: a borrowed call names a freed F0 that open takes again', () => {
    expect(NOT_FILE_SYMMETRIC['enberg-2007']).toBeDefined();
    expect(study.specFor(small('enberg-2007')).symmetry!(small('enberg-2007')).sets).toEqual([]);
    // With the renaming forced on, the orbit check finds the states where it breaks (an open in
    // progress is what takes F0 again).
    expect(orbitCheckOf('enberg-2007', { ...small('file-list'), openInProgress: true }).broken).toBeGreaterThan(0);
  });

  it('declares none under frevoke or with one file on I', () => {
    for (const over of [{ mode: 'frevoke' as const }, { filesOnI: 1 }])
      expect(study.specFor(small('file-list')).symmetry!({ ...small('file-list'), ...over }).sets).toEqual([]);
  });
});

/** orbitCheck of a design that declares no symmetry, with file-list's declaration lent to it. */
function orbitCheckOf(variant: string, lender: RevokeParams): { broken: number } {
  const spec = study.specFor({ ...lender, variant });
  const lent = study.specFor(lender).symmetry!;
  const original = study.specFor;
  (study as { specFor: typeof original }).specFor = (q) => ({ ...original(q), symmetry: lent });
  try {
    return orbitCheck({ ...lender, variant: spec.defaults.variant });
  } finally {
    (study as { specFor: typeof original }).specFor = original;
  }
}
