import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import spec from '../../../spec/classic/tcommit.ts';

describe('classic/tcommit', () => {
  it('reaches 34 distinct states, 94 generated, depth 7 with 3 RMs and deadlock off', async () => {
    const result = await check(spec, { rms: 3 }, { deadlock: false });
    expect(result.verdict).toBe('ok');
    expect(result.stats).toMatchObject({ distinctStates: 34, generatedStates: 94, depth: 7 });
  });

  it('finds a deadlock once every RM has decided', async () => {
    const result = await check(spec, { rms: 3 });
    expect(result.verdict).toBe('violation');
    const [violation] = result.violations;
    expect(violation!.kind).toBe('deadlock');
    const last = (violation!.trace.at(-1)!.state as { rmState: readonly string[] }).rmState;
    expect(last.every((r) => r === 'aborted') || last.every((r) => r === 'committed')).toBe(true);
  });
});
