// tabled: a study whose rows share one spec and differ only in the row parameter, which the spec's
// actions read: the small models of the checker's tests (revoke builds a spec of its own a row).
import type { Spec } from '../../../checker/spec.ts';
import type { Study } from '../../../checker/study/study.ts';

export function tabled<P extends object>(spec: Spec<any, P>, param: keyof P & string, values: readonly P[keyof P][], more: Partial<Study<P>> = {}): Study<P> {
  return { name: spec.name, summary: spec.summary, defaults: spec.defaults, rows: { param, values }, specFor: () => spec, ...more };
}
