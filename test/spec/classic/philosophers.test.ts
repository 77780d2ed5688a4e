import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import spec, { unpack } from '../../../spec/classic/philosophers.ts';
import { assertCodecRoundTrips } from './codecLaw.ts';

describe('classic/philosophers', () => {
  it('reaches 391 distinct states, 1,317 generated, depth 15 with 4 philosophers', async () => {
    const result = await check(spec, { n: 4 }, { deadlock: false });
    expect(result.verdict).toBe('ok');
    expect(result.stats).toMatchObject({ distinctStates: 391, generatedStates: 1317, depth: 15 });
  });

  it('reaches 153,631 distinct states, 1,034,553 generated, depth 31 with 8 philosophers', async () => {
    const result = await check(spec, { n: 8 }, { deadlock: false });
    expect(result.verdict).toBe('ok');
    expect(result.stats).toMatchObject({ distinctStates: 153631, generatedStates: 1034553, depth: 31 });
  });

  it('deadlocks when every philosopher holds its left fork, after 2n steps', async () => {
    const result = await check(spec, { n: 4 });
    const [violation] = result.violations;
    expect(violation!.kind).toBe('deadlock');
    expect(violation!.trace).toHaveLength(9);
    expect(unpack(violation!.trace.at(-1)!.state as number, 4)).toEqual({ s: [2, 2, 2, 2], fork: [1, 2, 3, 4] });
  });

  it('counts the same with the canonical encoding as with its codec', async () => {
    const { codec: _codec, ...withoutCodec } = spec;
    const result = await check(withoutCodec, { n: 5 }, { deadlock: false, exact: true });
    const viaCodec = await check(spec, { n: 5 }, { deadlock: false });
    expect(result.stats).toMatchObject({
      distinctStates: viaCodec.stats.distinctStates,
      generatedStates: viaCodec.stats.generatedStates,
      depth: viaCodec.stats.depth,
    });
  });

  it('decodes every encoded state back to itself', () => {
    assertCodecRoundTrips(spec, { n: 13 });
  });
});
