// Throwaway BFS to validate counts until checker/search/check.ts exists. Delete afterwards.
import type { AnySpec } from '../../../checker/spec.ts';

export function naiveBfs(spec: AnySpec, params: any, opts: { deadlock?: boolean; invariants?: string[] } = {}) {
  const c = spec.codec?.(params);
  const buf = new Uint8Array(c?.maxBytes ?? 0);
  const key = (s: unknown): string => (c ? Buffer.from(buf.subarray(0, c.encode(s, buf))).toString('latin1') : JSON.stringify(s));
  const invs = (opts.invariants ?? Object.keys(spec.invariants)).map((n) => [n, spec.invariants[n]] as const);
  const seen = new Map<string, number>();
  let generated = 0, depth = 0;
  let frontier: unknown[] = [];
  const check = (s: unknown, d: number) => {
    for (const [n, f] of invs) if (!f(s, params)) return { violation: n, traceLength: d };
    if (c) { const k = key(s); const back = c.decode(buf.slice(0, c.encode(s, buf))); if (key(back) !== k) throw new Error('codec'); }
    return undefined;
  };
  for (const s of spec.init(params)) {
    generated++;
    const k = key(s);
    if (seen.has(k)) continue;
    seen.set(k, 1);
    const v = check(s, 1); if (v) return { ...v, distinct: seen.size, generated };
    frontier.push(s);
  }
  while (frontier.length) {
    depth++;
    const next: unknown[] = [];
    for (const s of frontier) {
      let any = false;
      for (const a of spec.actions) for (const succ of a.successors(s, params)) {
        any = true; generated++;
        const k = key(succ.state);
        if (seen.has(k)) continue;
        seen.set(k, depth + 1);
        const v = check(succ.state, depth + 1); if (v) return { ...v, distinct: seen.size, generated };
        next.push(succ.state);
      }
      if (!any && opts.deadlock !== false) return { deadlock: true, traceLength: depth, distinct: seen.size, generated };
    }
    frontier = next;
  }
  return { distinct: seen.size, generated, depth };
}
