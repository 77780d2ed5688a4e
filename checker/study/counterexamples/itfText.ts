/**
 * An ITF trace as text: the top-level fields one a line and each state on a line of its own, so
 * a diff between two versions of a trace shows which states changed.
 */
export function itfText(trace: Record<string, unknown>): string {
  const fields = Object.entries(trace).map(([k, v]) => {
    const value = k === 'states' && Array.isArray(v) ? `[\n${v.map((s) => `    ${JSON.stringify(s)}`).join(',\n')}\n  ]` : JSON.stringify(v);
    return `  ${JSON.stringify(k)}: ${value}`;
  });
  return `{\n${fields.join(',\n')}\n}\n`;
}
