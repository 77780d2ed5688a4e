import { describe, expect, it } from 'vitest';
import { checkLiveness } from '../../../checker/liveness/checkLiveness.ts';
import { SpecError, UsageError } from '../../../checker/errors.ts';
import type { Progress } from '../../../checker/search/types.ts';
import { graphSpec } from './graphSpec.ts';

const ring = graphSpec({ init: [0], actions: { A: [[0, 1], [1, 2], [2, 0]] }, p: [1], fairness: [{ kind: 'weak', action: 'A' }] });

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
    const bad = { ...ring, properties: { boom: { op: 'eventually' as const, p: () => { throw new Error('no'); } } } };
    expect(() => checkLiveness(bad, {})).toThrow(SpecError);
    expect(() => checkLiveness(bad, {})).toThrow(expect.objectContaining({ exitCode: 77 }));
  });

  it('reports progress while exploring', () => {
    const seen: Progress[] = [];
    checkLiveness(ring, {}, { progressSeconds: 0, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBe(3);
    expect(seen[2]).toMatchObject({ distinctStates: 3, generatedStates: 4, queue: 0 });
  });
});
