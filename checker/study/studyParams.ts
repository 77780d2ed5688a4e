// A study's bounds are resolved as a spec's are (checker/run/params.ts: defaults, --config, --set,
// validate), with two rules more: its row parameter takes only the values of its rows, and the
// row the bounds name must expect only verdicts its spec can give (a design file's row, loaded by
// validate, is judged here; the others when the study loads).
import type { ParamSource } from '../run/params.ts';
import { assertExpectations } from './expectations.ts';
import type { AnyStudy } from './study.ts';

export function studyParamSource(study: AnyStudy): ParamSource {
  return {
    name: study.name,
    defaults: study.defaults,
    validate: (p) => {
      const problems = study.validate?.(p) ?? [];
      if (problems.length === 0) assertExpectations(study, p[study.rows.param], p);
      return problems;
    },
    choices: { param: study.rows.param, values: [...study.rows.values, ...(study.rows.otherValues ?? [])] },
  };
}
