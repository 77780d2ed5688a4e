// stateDiff: what changed between two plain-JSON states, as dotted paths ('files.F0.count') with
// their new values. Traces print only these after the first state, as TLC does.

export interface Change {
  readonly path: string;
  /** undefined when the field disappeared. */
  readonly value: unknown;
}

export function stateDiff(before: unknown, after: unknown, path = ''): Change[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => (k in after ? stateDiff(before[k], after[k], join(path, k)) : [{ path: join(path, k), value: undefined }]));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((b, i) => stateDiff(b, after[i], join(path, String(i))));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path || '(state)', value: after }];
}

/** The fields of a state, flattened one level (for the first state of a trace). */
export function topLevelFields(state: unknown): Change[] {
  if (!isRecord(state)) return [{ path: '(state)', value: state }];
  return Object.keys(state)
    .sort()
    .map((k) => ({ path: k, value: state[k] }));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
