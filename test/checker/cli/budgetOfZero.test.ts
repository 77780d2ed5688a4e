// One rule for every budget: 0 checks nothing, so it is a usage error (exit 2), never a run that
// passes having looked at nothing. A seed is a value, not a budget: 0 is a seed like any other.
import { describe, expect, it } from 'vitest';
import { rmc } from './runRmc.ts';

describe('a budget of 0', () => {
  const cases: [string, string, string][] = [
    ['check', '--max-states', 'a positive whole number'],
    ['check', '--max-depth', 'a positive whole number'],
    ['check', '--max-seconds', 'a positive number'],
    ['check', '--workers', 'a positive whole number'],
    ['check', '--progress', 'a positive number'],
    ['table', '--max-states', 'a positive whole number'],
    ['simulate', '--traces', 'a positive whole number'],
    ['simulate', '--depth', 'a positive whole number'],
    ['simulate', '--max-states', 'a positive whole number'],
    ['simulate', '--max-seconds', 'a positive number'],
  ];
  for (const [command, flag, must] of cases) {
    it(`is a usage error for ${command} ${flag} (exit 2)`, () => {
      const r = rmc([command, 'classic/diehard', flag, '0']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`rmc: ${flag} must be ${must}, got '0'\n`);
      expect(r.stdout).toBe('');
    });
  }
});

describe('a seed of 0', () => {
  it('is a seed: the walks run, and the same seed gives the same walks', () => {
    const args = ['simulate', 'classic/diehard', '--seed', '0', '--traces', '5', '--depth', '10', '--json'];
    const r = rmc(args);
    expect(r.code).toBe(0);
    const { stats, ...rest } = JSON.parse(r.stdout);
    expect(stats.generatedStates).toBeGreaterThan(5);
    const { stats: againStats, ...againRest } = JSON.parse(rmc(args).stdout);
    expect(againRest).toEqual(rest);
    expect([againStats.distinctStates, againStats.generatedStates]).toEqual([stats.distinctStates, stats.generatedStates]);
  });

  it('is refused when negative (exit 2)', () => {
    const r = rmc(['simulate', 'classic/diehard', '--seed', '-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("rmc: --seed must be a natural number, got '-1'\n");
  });
});
