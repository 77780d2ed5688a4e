// studyShape: a study's fields as data, checked when a module loads as the Spec's are
// (checker/specShape.ts, whose checks this reuses), so a study that is not one is told which field
// is wrong. The records are typed by the interface's keys, so a field added to study.ts and not
// here does not compile; test/checker/study/studyShape.test.ts compares them with the compiler's
// view. The spec of the study's default row is checked as any Spec is.
import { array, type Field, fields, func, isObject, object, opt, req, string } from '../specShape.ts';
import { specShapeError } from '../specShape.ts';
import type { Study } from './study.ts';

const ROWS_FIELDS: Record<keyof Study['rows'], Field> = {
  param: req(string),
  values: req(array),
  otherValues: opt(array),
  label: opt(func),
};

/** Every field of a Study, in study.ts's order. */
export const STUDY_FIELDS: Record<keyof Study, Field> = {
  name: req(string),
  summary: req(string),
  defaults: req(object),
  validate: opt(func),
  rows: req(fields('an object ({ param, values })', ROWS_FIELDS)),
  specFor: req(func),
  expected: opt(func),
  notApplicable: opt(func),
  split: opt(func),
  promises: opt(func),
  through: opt(func),
  boundsNote: opt(string),
  sheet: opt(func),
};

/** The shapes test/checker/study/studyShape.test.ts holds against the interface. */
export const STUDY_SHAPES = { Study: STUDY_FIELDS, 'Study.rows': ROWS_FIELDS } as const;

/** Does this export mean to be a study (it has a study's own fields) rather than a Spec? */
export function looksLikeStudy(x: unknown): boolean {
  return isObject(x) && ('specFor' in x || 'rows' in x);
}

/** The first thing that keeps `x` from being a study, as a message; undefined if it is one. */
export function studyShapeError(x: unknown): string | undefined {
  const own = fields('a study', STUDY_FIELDS)(x, '');
  if (own !== undefined) return own;
  const study = x as Study;
  let spec: unknown;
  try {
    spec = study.specFor(study.defaults);
  } catch (e) {
    return `\`specFor(defaults)\` threw: ${String((e as Error)?.message ?? e).split('\n')[0]}`;
  }
  const problem = specShapeError(spec);
  return problem === undefined ? undefined : `\`specFor(defaults)\` gives no Spec: ${problem}`;
}
