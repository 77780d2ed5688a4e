// The revoke model's JSON view (stateJson, what the text trace, the page and the ITF show) and its
// layout (stateJsonLayout, which types the ITF): on states reached by seeded random walks under
// every design and the configurations that add a fork child, a thread and frevoke, the view fits
// its layout exactly (a field the layout derives from the state's own layout but the view does
// not show fails here), and the view keeps apart every two states the checker keeps apart.
import { describe, expect, it } from 'vitest';
import { layoutCodec } from '../../../checker/state/layoutCodec.ts';
import { specCodec } from '../../../checker/state/specCodec.ts';
import { toPlain } from '../../../checker/trace/toPlain.ts';
import revoke from '../../../spec/revoke/index.ts';
import { variantNames, type RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import type { AnySpec } from '../../../checker/spec.ts';
import forkMidScan from '../../../spec/revoke/configs/fork-mid-scan.json' with { type: 'json' };
import frevokeShared from '../../../spec/revoke/configs/frevoke-shared.json' with { type: 'json' };
import threadsBorrowing from '../../../spec/revoke/configs/threads-borrowing.json' with { type: 'json' };

const WALKS = 30;
const MAX_DEPTH = 60;

/** The states seen on `WALKS` random walks from the initial state, each to its end (Park-Miller, seed 1: the same walks every run). */
function walkedStates(spec: AnySpec, p: RevokeParams): unknown[] {
  let seed = 1;
  const next = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
  const seen: unknown[] = [];
  for (let w = 0; w < WALKS; w++) {
    let s: unknown = [...spec.init(p)][0];
    for (let depth = 0; depth < MAX_DEPTH && s !== undefined; depth++) {
      seen.push(s);
      const successors = spec.actions.flatMap((a) => [...a.successors(s as never, p)]);
      s = successors.length === 0 ? undefined : successors[next(successors.length)]!.state;
    }
  }
  return seen;
}

const configs: Record<string, object> = {
  default: {},
  'fork-mid-scan': forkMidScan,
  'threads-borrowing': threadsBorrowing,
  'frevoke-shared': frevokeShared,
};
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('stateJsonLayout', () => {
  for (const [config, set] of Object.entries(configs)) {
    it(`types every walked state's view under ${config}, for every design, and the view loses no state`, () => {
      for (const variant of variantNames) {
        const p = { ...revoke.defaults, ...set, variant } as RevokeParams;
        const spec = revoke.specFor(p);
        const view = layoutCodec(spec.presentation!.jsonLayout!(p));
        const raw = specCodec(spec, p)!;
        const buffer = new Uint8Array(Math.max(view.maxBytes, raw.maxBytes));
        const keyOfView = new Map<string, string>();
        for (const s of walkedStates(spec, p)) {
          const json = spec.presentation!.toJSON!(s, p);
          const back = view.decode(buffer.slice(0, view.encode(json, buffer)));
          // Compared as canonical text (toPlain sorts keys): a deep toEqual per state is slow.
          const text = JSON.stringify(toPlain(back));
          if (text !== JSON.stringify(toPlain(json))) expect(back, `${variant}: the view leaves its layout`).toEqual(json);
          const key = hex(buffer.slice(0, raw.encode(s, buffer)));
          if (keyOfView.has(text) && keyOfView.get(text) !== key) expect.fail(`${variant}: two states share the view ${text}`);
          keyOfView.set(text, key);
        }
        expect(keyOfView.size, `${variant}: the walks reach more than a handful of states`).toBeGreaterThan(100);
      }
    });
  }
});
