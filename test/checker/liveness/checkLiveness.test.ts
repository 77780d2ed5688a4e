import { describe, expect, it } from 'vitest';
import { checkLiveness, checkLivenessWatched } from '../../../checker/liveness/checkLiveness.ts';
import { SpecError, UsageError } from '../../../checker/errors.ts';
import type { Progress } from '../../../checker/findings.ts';
import { graphSpec } from './graphSpec.ts';

const ring = graphSpec({
  init: [0],
  actions: {
    A: [
      [0, 1],
      [1, 2],
      [2, 0],
    ],
  },
  p: [1],
  fairness: [{ kind: 'weak', action: 'A' }],
});

describe('checkLiveness', () => {
  it('checks only the named properties, in the order the spec declares them', () => {
    const result = checkLiveness(ring, {}, { properties: ['leadsTo', 'always'] });
    expect(result.properties.map((p) => p.name)).toEqual(['always', 'leadsTo']);
    expect(result.stats).toMatchObject({ distinctStates: 3, generatedStates: 4, depth: 3 });
    expect(result.fairness).toEqual(['WF(A)']);
  });

  it('rejects an unknown property, naming the known ones', () => {
    expect(() => checkLiveness(ring, {}, { properties: ['nope'] })).toThrow(UsageError);
    expect(() => checkLiveness(ring, {}, { properties: ['nope'] })).toThrow(/known: always, eventually/);
  });

  it('rejects fairness over an unknown action (exit 150, like a semantic error in TLC)', () => {
    const bad = { ...ring, fairness: [{ kind: 'weak' as const, action: 'Missing' }] };
    expect(() => checkLiveness(bad, {})).toThrow(expect.objectContaining({ exitCode: 150, message: expect.stringMatching(/unknown action 'Missing'/) }));
  });

  it('reports a throwing predicate as a property that cannot be evaluated (exit 77)', () => {
    const bad = {
      ...ring,
      properties: {
        boom: {
          op: 'eventually' as const,
          p: () => {
            throw new Error('no');
          },
        },
      },
    };
    expect(() => checkLiveness(bad, {})).toThrow(SpecError);
    expect(() => checkLiveness(bad, {})).toThrow(expect.objectContaining({ exitCode: 77 }));
  });

  it('reports progress while exploring', () => {
    const seen: Progress[] = [];
    checkLiveness(ring, {}, { progressSeconds: 0, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBe(3);
    expect(seen[2]).toMatchObject({ phase: 'behaviour graph', distinctStates: 3, generatedStates: 4, queue: 0 });
  });
});

describe('checkLivenessWatched (Ctrl-C and budgets while the behaviour graph is explored)', () => {
  it("gives checkLiveness's verdicts when not stopped, and what stop said once it did", async () => {
    const { default: philosophers } = await import('../../../spec/classic/philosophers.ts');
    const withProperty = { ...philosophers, properties: { SomeoneEventuallyEats: { op: 'eventually' as const, p: philosophers.reachable!.SomeoneEats! } } };
    const params = { n: 7 };
    const sync = checkLiveness(withProperty, params, { fingerprints: true });
    const heard = await checkLivenessWatched(withProperty, params, { fingerprints: true, stop: () => undefined });
    expect('verdict' in heard).toBe(false);
    if ('verdict' in heard) return;
    expect(heard.properties).toEqual(sync.properties);
    expect(heard.stats).toMatchObject({ distinctStates: sync.stats.distinctStates, generatedStates: sync.stats.generatedStates });
    expect(await checkLivenessWatched(withProperty, params, { fingerprints: true, stop: () => ({ verdict: 'interrupted' }) })).toEqual({
      verdict: 'interrupted',
    });
    // The distinct states so far are what stop is asked about: a state budget fires part way.
    const seen: number[] = [];
    const limit = Math.floor(sync.stats.distinctStates / 2);
    const stopped = await checkLivenessWatched(withProperty, params, {
      fingerprints: true,
      stop: (distinct) => (seen.push(distinct), distinct >= limit ? { verdict: 'incomplete', reason: 'half' } : undefined),
    });
    expect(stopped).toEqual({ verdict: 'incomplete', reason: 'half' });
    expect(seen[seen.length - 1]!).toBeGreaterThanOrEqual(limit);
    expect(seen[seen.length - 1]!).toBeLessThan(sync.stats.distinctStates);
  }, 60_000);
});
