// stateDiff: the fields that changed between two plain-JSON states, as paths a reviewer reads
// (`files.F0.count`, `revoker.refs[0]`). Text traces print only these; the HTML step-through
// shows them for the selected step. Both states are plain JSON (see traceView's toJSON).

export interface FieldChange {
  /** `files.F0.count`; array elements as `[i]`, odd keys as `["k"]`. */
  readonly path: string;
  /** Absent when the field is new. */
  readonly before?: unknown;
  /** Absent when the field is gone. */
  readonly after?: unknown;
}

export function stateDiff(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, '', out);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  if (same(a, b)) return;
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(b)) {
      const p = joinKey(path, k);
      if (!(k in a)) out.push({ path: p, after: b[k] });
      else walk(a[k], b[k], p, out);
    }
    for (const k of Object.keys(a)) if (!(k in b)) out.push({ path: joinKey(path, k), before: a[k] });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) walk(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  out.push({ path: path === '' ? '(state)' : path, before: a, after: b });
}

function joinKey(path: string, key: string): string {
  const k = /^[A-Za-z0-9_$-]+$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  return path === '' || k.startsWith('[') ? path + k : `${path}.${k}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
