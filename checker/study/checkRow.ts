// checkRow: one row of a study checked, as `rmc check` does and as each row of the table is: the
// row's own spec, with the guarantees the study says do not apply there left out (n/a).
import type { AnySpec } from '../spec.ts';
import { check, type CheckOptions, type CheckResult } from '../run/check.ts';
import type { AnyStudy } from './study.ts';

export function checkRow(study: AnyStudy, params: object, options: CheckOptions = {}, spec: AnySpec = study.specFor(params)): Promise<CheckResult> {
  const notApplicable = study.notApplicable?.(params);
  return check(spec, params, notApplicable ? { ...options, notApplicable } : options);
}
