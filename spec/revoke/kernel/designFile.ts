// A design written outside the repository: a module whose default export is a design, or a
// factory that receives the design API (designApi.ts) and returns one. It is loaded by absolute
// path (the CLI's --design makes it absolute), synchronously, because the study builds a row's
// spec from its design in `specFor`, which a search worker asks again, loading the same path.
// tsx's scoped require compiles TypeScript wherever the file lives, with no node_modules beside
// it: the file reaches the model only through the factory's argument (and `import type`, which
// compiles away). The design is checked against the one schema of its fields and points
// (designApi.ts's DESIGN_FIELDS and POINTS) and installed (install.ts) before any search: what
// is wrong with it is exit 150 naming the design, and every hook it sets names the design and the
// hook in an error it throws.
import { require as tsxRequire } from 'tsx/cjs/api';
import { pathToFileURL } from 'node:url';
import { DESIGN_FIELDS, type Design, POINTS } from '../api/designApi.ts';
import { designApi } from './designApi.ts';
import { DesignError, install } from './install.ts';

/** A design file that cannot be used: the CLI reports it with exit 150. */
export class DesignFileError extends Error {
  readonly exitCode = 150;
}

/** Fields of the design API before its interception points, and where each went: a file written against it is told. */
const FORMER_FIELDS: Readonly<Record<string, string>> = {
  gate: "'on.begin' (calls), 'on.mmap' and 'on.open'",
  recordGate: "'on.record'",
  enterCall: "the `change` of what 'on.begin' returns (enter({ change }))",
  leaveCall: "the `change` of what 'on.end' returns",
  callReaches: "'on.end' (enter: the call touches I; fail(errno): it returns an error)",
  callErrno: "'on.end' (fail(errno))",
  faultReaches: "'on.fault'",
  markerErrno: "scanTask's `errno`",
  countedKinds: "'on.fdget'",
  tasklistHeld: "'on.forkLink' (scanTask holds tasklist_lock already)",
  cut: 'nothing: a struct file is cut when its f_op or its inode is dead',
  pcs: "each step's `to` (the stage it moves the revoker to)",
  kernel: "each step's `kernel`, and a point's `{ kernel, hook }`",
  drain: "the waiting step's `waitsFor`",
  showsSrcu: "nothing: a design's own state (api.ownState) is shown in traces",
  claims: "'promises.guarantees'",
};

const loaded = new Map<string, Design>();

/** The design the file at `path` exports (compiled and checked once per path). */
export function loadDesignFile(path: string): Design {
  const known = loaded.get(path);
  if (known !== undefined) return known;
  let exported: unknown;
  try {
    const module = tsxRequire(path, pathToFileURL(path).href) as { default?: unknown };
    exported = module.default ?? module;
  } catch (e) {
    // esbuild heads a syntax error with "Transform failed with N error(s):"; the line after says where.
    const lines = String((e as Error)?.message ?? e).split('\n');
    throw new DesignFileError(`design ${path}: cannot load: ${(lines.find((l) => l.includes('ERROR:')) ?? lines[0]!).trim()}`);
  }
  let design: unknown = exported;
  if (typeof exported === 'function') {
    try {
      design = (exported as (api: typeof designApi) => unknown)(designApi);
    } catch (e) {
      throw new DesignFileError(`design ${path}: its factory threw: ${String((e as Error)?.message ?? e)}`);
    }
  }
  const d = checkedDesign(path, design);
  loaded.set(path, d);
  return d;
}

/** Design d exported by the file at `path`, checked against the schema and installed (DesignFileError, exit 150, if it cannot be). */
export function checkedDesign(path: string, d: unknown): Design {
  if (d === null || typeof d !== 'object')
    throw new DesignFileError(`design ${path}: the default export is not a design (an object, or a function of the design API returning one)`);
  const v = d as Record<string, unknown>;
  const name = DESIGN_FIELDS.name.check(v.name) ? (v.name as string) : undefined;
  const who = `design ${name === undefined ? path : `'${name}' (${path})`}`;
  for (const key of Object.keys(v)) {
    if (Object.hasOwn(DESIGN_FIELDS, key)) continue;
    const moved = FORMER_FIELDS[key];
    throw new DesignFileError(
      moved === undefined
        ? `${who}: field '${key}' is no design field (fields: ${Object.keys(DESIGN_FIELDS).join(', ')})`
        : `${who}: field '${key}' is no design field any more: it is ${moved}`,
    );
  }
  for (const [key, spec] of Object.entries(DESIGN_FIELDS)) {
    if (v[key] === undefined) {
      if (spec.required) throw new DesignFileError(`${who}: field '${key}' is missing (${spec.shape})`);
    } else if (!spec.check(v[key])) throw new DesignFileError(`${who}: field '${key}' is not ${spec.shape}`);
  }
  const wrapped = withNamedErrors(who, v as unknown as Design);
  try {
    install(wrapped);
  } catch (e) {
    if (e instanceof DesignError) throw new DesignFileError(e.message.replace(`design '${name}'`, who));
    throw e;
  }
  return wrapped;
}

/** Calls f, naming the design and the hook in what it throws (the checker reports it with exit 75). */
function named<F extends (...args: never[]) => unknown>(who: string, hook: string, f: F): F {
  return ((...args: never[]) => {
    try {
      return f(...args);
    } catch (e) {
      throw new Error(`${who}, hook '${hook}': ${String((e as Error)?.message ?? e)}`, { cause: e });
    }
  }) as F;
}

/** The design with every hook it sets (each point of `on`, its state's layout and initial value) naming the design and the hook in its errors. */
function withNamedErrors(who: string, d: Design): Design {
  const on: Record<string, unknown> = {};
  for (const [point, entry] of Object.entries((d.on ?? {}) as Record<string, unknown>)) {
    if (!Object.hasOwn(POINTS, point)) {
      on[point] = entry;
      continue;
    }
    if (typeof entry === 'function') on[point] = named(who, `on.${point}`, entry as (...args: never[]) => unknown);
    else if (entry !== null && typeof entry === 'object' && typeof (entry as { hook?: unknown }).hook === 'function') {
      const e = entry as { kernel: unknown; hook: (...args: never[]) => unknown };
      on[point] = { ...e, hook: named(who, `on.${point}`, e.hook) };
    } else on[point] = entry;
  }
  const state =
    d.state === undefined ? undefined : { ...d.state, layout: named(who, 'state.layout', d.state.layout), init: named(who, 'state.init', d.state.init) };
  return { ...d, ...(d.on === undefined ? {} : { on }), ...(state === undefined ? {} : { state }) } as Design;
}
