// Parameter names are the spec's own: a name Object.prototype has (constructor, toString,
// __proto__) is unknown unless the spec declares it, and then a parameter like any other.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmc, tempDir } from './runRmc.ts';

const dir = tempDir('rmc-param-names-');
// A spec whose parameters are named like Object's own: its one state echoes them.
const objectNames = join(dir, 'objectNames.ts');
writeFileSync(
  objectNames,
  `const defaults: Record<string, number> = { constructor: 1, toString: 2 };
Object.defineProperty(defaults, '__proto__', { value: 3, enumerable: true, writable: true, configurable: true });
export default { name: 'object-names', summary: 'parameters named like Object.prototype members', defaults,
  init: (p: Record<string, number>) => [{ sum: p.constructor + p.toString + p['__proto__'] }],
  actions: [], invariants: { Small: (s: { sum: number }) => s.sum < 100 }, terminal: () => true };\n`,
);

describe('--set with a name Object.prototype has', () => {
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`says ${name} is an unknown parameter (exit 151) on a spec without it`, () => {
      const r = rmc(['check', 'classic/twophase', '--set', `${name}=1`]);
      expect(r.code).toBe(151);
      expect(r.stderr).toBe(`rmc: unknown parameter '${name}' in --set (known: rms)\n`);
    });
  }

  it('says so for a config file naming __proto__', () => {
    const config = join(dir, 'proto.json');
    writeFileSync(config, '{ "__proto__": { "rms": 9 } }\n');
    const r = rmc(['check', 'classic/twophase', '--config', config]);
    expect(r.code).toBe(151);
    expect(r.stderr).toBe(`rmc: unknown parameter '__proto__' in config ${config} (known: rms)\n`);
  });

  it('sets such a parameter where the spec declares it', () => {
    const r = rmc(['check', objectNames, '--set', 'constructor=10', '--set', '__proto__=95', '--json']);
    expect(JSON.parse(r.stdout).params).toEqual({ constructor: 10, toString: 2, ['__proto__']: 95 });
    expect(JSON.parse(r.stdout).violations[0]).toMatchObject({ name: 'Small', trace: [{ state: { sum: 107 } }] });
    expect(r.code).toBe(12);
    expect(rmc(['check', objectNames, '--set', 'toString=3']).code).toBe(0);
  });
});
