/** A trace's file name without extension: `<value>--<guarantee>`, safe in paths, ids and URLs. */
export function traceStem(value: unknown, guarantee: string): string {
  const part = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${part(typeof value === 'string' ? value : JSON.stringify(value))}--${part(guarantee)}`;
}
