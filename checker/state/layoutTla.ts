// layoutTla: a state's layout written as TLA+'s TypeOK, so a model's README can show the type of
// its state as the checker reads it, not as someone last wrote it down by hand. Records are
// `[f: T]`, enumerations sets (`BOOLEAN` for both booleans), integers `lo..hi`, an optional value
// `T \cup {null}`. A dict is a function from some of its keys (`Partial(K, V)`) and a list a
// sequence of bounded length (`BSeq(T, n)`), both defined in the text's first lines.
import type { Layout } from '../spec.ts';

/** The operators the rendering uses beyond TLA+'s own. */
export const TLA_PRELUDE = [
  'Partial(K, V) == UNION {[D -> V] : D \\in SUBSET K}   \\* a function from some of K',
  'BSeq(T, n)    == UNION {[1..m -> T] : m \\in 0..n}    \\* a sequence of at most n',
];

/** `TypeOK == /\ v1 \in T1 /\ ...` over a record layout's fields, wrapped to `width` columns. */
export function typeOkText(layout: Layout, width = 100): string {
  if (layout.type !== 'record') throw new Error(`a state's layout is a record of its variables, got ${layout.type}`);
  const lines = ['TypeOK =='];
  const names = Object.keys(layout.fields);
  const pad = Math.max(...names.map((n) => n.length));
  for (const name of names) {
    const head = `  /\\ ${name.padEnd(pad)} \\in `;
    lines.push(head + render(layout.fields[name]!, head.length, width));
  }
  return lines.join('\n');
}

/** The type, on one line if it fits from column `at`, else a record broken field by field. */
function render(l: Layout, at: number, width: number): string {
  const flat = oneLine(l);
  if (at + flat.length <= width) return flat;
  switch (l.type) {
    case 'record': {
      const inner = at + 1;
      const fields = Object.entries(l.fields).map(([k, f], i) => `${i === 0 ? '' : ' '.repeat(inner)}${k}: ${render(f, inner + k.length + 2, width)}`);
      return `[${fields.join(',\n')}]`;
    }
    case 'dict': {
      const head = `Partial(${set(l.keys)}, `;
      return `${head}${render(l.of, at + head.length, width)})`;
    }
    case 'optional':
      return `${render(l.of, at, width)} \\cup {null}`;
    case 'list': {
      const head = 'BSeq(';
      return `${head}${render(l.of, at + head.length, width)}, ${l.max})`;
    }
    case 'enum':
      return isBoolean(l.values) ? flat : wrappedSet(l.values, at, width);
    default:
      return flat;
  }
}

/** A set too long for one line, its elements filled line by line after the brace. */
function wrappedSet(values: readonly (string | number | boolean | null)[], at: number, width: number): string {
  const items = values.map(item);
  const lines: string[] = [];
  let line = '';
  for (const [i, text] of items.entries()) {
    const piece = text + (i < items.length - 1 ? ',' : '}');
    if (line !== '' && at + 1 + line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else line = line === '' ? piece : `${line} ${piece}`;
  }
  lines.push(line);
  return `{${lines.join(`\n${' '.repeat(at + 1)}`)}`;
}

function oneLine(l: Layout): string {
  switch (l.type) {
    case 'enum':
      return isBoolean(l.values) ? 'BOOLEAN' : set(l.values);
    case 'int':
      return `${l.min}..${l.max}`;
    case 'record':
      return `[${Object.entries(l.fields)
        .map(([k, f]) => `${k}: ${oneLine(f)}`)
        .join(', ')}]`;
    case 'dict':
      return `Partial(${set(l.keys)}, ${oneLine(l.of)})`;
    case 'optional':
      return `${oneLine(l.of)} \\cup {null}`;
    case 'list':
      return `BSeq(${oneLine(l.of)}, ${l.max})`;
  }
}

function isBoolean(values: readonly unknown[]): boolean {
  return values.length === 2 && values.includes(true) && values.includes(false);
}

function set(values: readonly (string | number | boolean | null)[]): string {
  return `{${values.map(item).join(', ')}}`;
}

function item(v: string | number | boolean | null): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
