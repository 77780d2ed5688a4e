import type { Label } from '../spec.ts';

/** Labels may be lazy (built only when a trace is printed). */
export function resolveLabel(label: Label): string {
  return typeof label === 'function' ? label() : label;
}
