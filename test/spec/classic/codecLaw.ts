// A law every spec codec obeys: along random walks from the initial states, decode(encode(s))
// equals s, and equal bytes only ever come from equal states (injective on what is reached).
import fc from 'fast-check';
import { expect } from 'vitest';
import type { AnySpec } from '../../../checker/spec.ts';

export function assertCodecRoundTrips(spec: AnySpec, params: object, walks = 200): void {
  const codec = spec.codec!(params);
  const buf = new Uint8Array(codec.maxBytes);
  const byBytes = new Map<string, string>();
  fc.assert(
    fc.property(fc.array(fc.nat(), { maxLength: 60 }), (choices) => {
      let s: unknown = [...spec.init(params)][0];
      for (const c of [undefined, ...choices]) {
        if (c !== undefined) {
          const succ = spec.actions.flatMap((a) => [...a.successors(s, params)]);
          if (succ.length === 0) break;
          s = succ[c % succ.length]!.state;
        }
        const n = codec.encode(s, buf);
        expect(n).toBeLessThanOrEqual(codec.maxBytes);
        const bytes = buf.slice(0, n);
        expect(codec.decode(bytes)).toEqual(s);
        const key = Buffer.from(bytes).toString('hex');
        const json = JSON.stringify(s);
        expect(byBytes.get(key) ?? json).toBe(json);
        byBytes.set(key, json);
      }
    }),
    { numRuns: walks },
  );
}
