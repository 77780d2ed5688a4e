import { valueText } from '../../valueText.ts';

/** A plain-JSON value on one line, strings quoted as TLC quotes them; `(none)` for an absent one. */
export function showValue(v: unknown): string {
  return v === undefined ? '(none)' : valueText(v);
}
