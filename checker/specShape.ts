// specShape: the Spec's fields as data, each with the check a loaded module's value must pass,
// so a spec that is not one is told which field is wrong ("`actions` must be an array of
// actions, got an object") instead of failing later, deep in a search. The records are typed by
// the interfaces' keys (`Record<keyof Spec, ...>`), so a field added to checker/spec.ts and not
// here does not compile, and test/checker/specShape.test.ts compares them with the compiler's
// view of the interfaces. Functions are only checked to be functions: what they return is
// checked where they are called. The checks are exported for a study's shape, which the study
// layer writes the same way (checker/study/studyShape.ts).
import type { Action, Fairness, Presentation, Spec } from './spec.ts';
import { shown } from './errors.ts';

/** Why `value`, found at `at` ("actions[2].name"), is not what it must be; undefined if it is. */
export type Check = (value: unknown, at: string) => string | undefined;

export interface Field {
  readonly required: boolean;
  readonly check: Check;
}

/** How a value is named in a message: "an object", "an array", "a function", "the string 'wek'". */
export function kindOf(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${shown(v, 40)}`;
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const must =
  (test: (v: unknown) => boolean, what: string): Check =>
  (v, at) =>
    test(v) ? undefined : `\`${at}\` must be ${what}, got ${kindOf(v)}`;
export const first = (problems: Iterable<string | undefined>): string | undefined => {
  for (const p of problems) if (p !== undefined) return p;
  return undefined;
};

export const func = must((v) => typeof v === 'function', 'a function');
export const string = must((v) => typeof v === 'string', 'a string');
export const boolean = must((v) => typeof v === 'boolean', 'a boolean');
export const object = must(isObject, 'an object');
export const array = must(Array.isArray, 'an array');
export const req = (check: Check): Field => ({ required: true, check });
export const opt = (check: Check): Field => ({ required: false, check });

/** An object with these fields: the required ones present, every one present of its kind. */
export function fields(what: string, shape: Readonly<Record<string, Field>>): Check {
  return (v, at) => {
    if (!isObject(v)) return `\`${at}\` must be ${what}, got ${kindOf(v)}`;
    return first(
      Object.entries(shape).map(([name, f]) => {
        const path = at === '' ? name : `${at}.${name}`;
        if (v[name] === undefined) return f.required ? `\`${path}\` is missing` : undefined;
        return f.check(v[name], path);
      }),
    );
  };
}

function arrayOf(what: string, each: Check): Check {
  return (v, at) => (Array.isArray(v) ? first(v.map((x, i) => each(x, `${at}[${i}]`))) : `\`${at}\` must be an array of ${what}, got ${kindOf(v)}`);
}

/** An object of named values (invariants, properties), each passing `each`. */
function recordOf(what: string, each: Check): Check {
  return (v, at) =>
    isObject(v) ? first(Object.entries(v).map(([k, x]) => each(x, `${at}.${k}`))) : `\`${at}\` must be an object of named ${what}, got ${kindOf(v)}`;
}

const ACTION_FIELDS: Record<keyof Action<any, any>, Field> = {
  name: req(string),
  doc: opt(string),
  successors: req(func),
  forEachSuccessor: opt(func),
  actorOf: opt(func),
};

const FAIRNESS_FIELDS: Record<keyof Fairness, Field> = {
  kind: req(must((v) => v === 'weak' || v === 'strong', "'weak' or 'strong'")),
  action: req(string),
  perActor: opt(boolean),
};

const fairnessList = arrayOf('fairness conditions', fields('a fairness condition ({ kind, action })', FAIRNESS_FIELDS));
const fairness: Check = (v, at) => {
  if (typeof v === 'function') return undefined;
  return Array.isArray(v) ? fairnessList(v, at) : `\`${at}\` must be an array of fairness conditions or a function of the parameters, got ${kindOf(v)}`;
};

const TEMPORAL_OPS = ['always', 'eventually', 'alwaysEventually', 'eventuallyAlways', 'leadsTo'];
const temporal: Check = (v, at) =>
  fields('a temporal property ({ op, p })', {
    op: req(must((op) => TEMPORAL_OPS.includes(op as string), `one of ${TEMPORAL_OPS.map((o) => `'${o}'`).join(', ')}`)),
    p: req(func),
    q: { required: isObject(v) && v.op === 'leadsTo', check: func },
  })(v, at);

const PRESENTATION_FIELDS: Record<keyof Presentation<any, any>, Field> = {
  lanes: opt(func),
  toJSON: opt(func),
  jsonLayout: opt(func),
  messages: opt(func),
  implementation: opt(func),
  objectGraph: opt(func),
  waitsOn: opt(func),
  cause: opt(func),
  kernelStep: opt(func),
};

/** Every field of a Spec, in checker/spec.ts's order: the one list the load-time check reads. */
export const SPEC_FIELDS: Record<keyof Spec<any, any>, Field> = {
  name: req(string),
  summary: req(string),
  defaults: req(object),
  validate: opt(func),
  init: req(func),
  actions: req(arrayOf('actions', fields('an action ({ name, successors })', ACTION_FIELDS))),
  invariants: req(recordOf('state predicates (functions)', func)),
  reachable: opt(recordOf('state predicates (functions)', func)),
  properties: opt(recordOf('temporal properties', temporal)),
  fairness: opt(fairness),
  terminal: opt(func),
  constraint: opt(func),
  view: opt(func),
  symmetry: opt(func),
  codec: opt(func),
  layout: opt(func),
  presentation: opt(fields('an object of presentation hooks', PRESENTATION_FIELDS)),
};

/** The shapes test/checker/specShape.test.ts holds against the interfaces of checker/spec.ts. */
export const SHAPES = {
  Spec: SPEC_FIELDS,
  Action: ACTION_FIELDS,
  Fairness: FAIRNESS_FIELDS,
  Presentation: PRESENTATION_FIELDS,
} as const;

/** The first thing that keeps `x` from being a Spec, as a message; undefined if it is one. */
export function specShapeError(x: unknown): string | undefined {
  if (x === undefined) return 'the module has no default export (it must `export default` a Spec)';
  const what = `a Spec object (${Object.keys(SPEC_FIELDS)
    .filter((k) => SPEC_FIELDS[k as keyof typeof SPEC_FIELDS].required)
    .join(', ')}, ...)`;
  if (!isObject(x)) return `its default export must be ${what}, got ${kindOf(x)}`;
  if (!Object.keys(SPEC_FIELDS).some((k) => k in x)) return `its default export must be ${what}, got an object with none of a Spec's fields`;
  return fields('a Spec', SPEC_FIELDS)(x, '');
}
