import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import spec from '../../../spec/classic/twophase.ts';
import { assertCodecRoundTrips } from './codecLaw.ts';

describe('classic/twophase', () => {
  it('reaches 288 distinct states, 1,146 generated, depth 11 with 3 RMs', async () => {
    const result = await check(spec, { rms: 3 });
    expect(result.verdict).toBe('ok');
    expect(result.stats).toMatchObject({ distinctStates: 288, generatedStates: 1146, depth: 11 });
  });

  it('reaches 8,832 distinct states, 58,146 generated, depth 17 with 5 RMs', async () => {
    const result = await check(spec, { rms: 5 });
    expect(result.verdict).toBe('ok');
    expect(result.stats).toMatchObject({ distinctStates: 8832, generatedStates: 58146, depth: 17 });
  });

  it('counts the same with the canonical encoding as with its codec', async () => {
    const { codec: _codec, ...withoutCodec } = spec;
    const result = await check(withoutCodec, { rms: 4 }, { exact: true });
    const viaCodec = await check(spec, { rms: 4 });
    expect(result.stats).toMatchObject({
      distinctStates: viaCodec.stats.distinctStates,
      generatedStates: viaCodec.stats.generatedStates,
      depth: viaCodec.stats.depth,
    });
  });

  it('decodes every encoded state back to itself', () => {
    assertCodecRoundTrips(spec, { rms: 4 });
  });
});
