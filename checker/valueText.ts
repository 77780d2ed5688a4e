// valueText: a value as one line of JSON, except for the numbers JSON cannot write: -0, NaN and
// the infinities appear as JavaScript writes them, so a message or a trace never shows -0 as 0 or
// Infinity as null (two different values as one, or a number as no value).
const MARK = '\u0000rmc-number:';

export function valueText(value: unknown): string {
  let marked = false;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'number' || (Number.isFinite(v) && !(v === 0 && 1 / v < 0))) return v;
    marked = true;
    return `${MARK}${v === 0 ? '-0' : String(v)}`;
  });
  if (text === undefined) return String(value);
  return marked ? text.replace(/"\\u0000rmc-number:([^"]*)"/g, '$1') : text;
}
