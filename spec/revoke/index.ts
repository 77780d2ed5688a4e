// The revoke study: the guarantees of revokeat(path)/frevoke(fd) asked of every design, one row a
// design (docs/research/domain.md; the model's conventions are in revokeSpec.ts). A row's `variant`
// names its design, a built-in one or a design file (designs.ts), and the row is checked by that
// design's own spec (revokeSpec.ts). What is the study's and not a spec's: which designs are rows,
// what each design's authors expect in each cell (its `expect`), the guarantees that do not apply
// (frevoke's exemption under revokeat, a per-file guarantee for an inode-wide design, and what a
// design does not claim), and the note on what the bounds leave out.
import type { SplitJudgement, Study } from '../../checker/study/study.ts';
import { boundsNote } from './boundsNote.ts';
import { designNamed } from './designs.ts';
import { DesignFileError } from './kernel/designFile.ts';
import { isDesignPath } from './kernel/designPath.ts';
import { compileGuarantees } from './kernel/guarantee.ts';
import { guarantees } from './kernel/guarantees.ts';
import { operationsThrough, splits } from './kernel/judgement.ts';
import { OPERATIONS, OPERATION_TEXT } from './kernel/promises.ts';
import type { State } from './kernel/state.ts';
import { properties } from './kernel/liveness.ts';
import { type RevokeParams, defaults, validate, variantNames, variantProblems } from './kernel/params.ts';
import type { Design } from './api/designApi.ts';
import { install } from './kernel/install.ts';
import { revokeSpec } from './revokeSpec.ts';
import { designSheet } from './presentation/designSheet.ts';

/** The guarantees design d is judged by, in the table's column order. */
const guaranteeNames = (d: Design): string[] => [...guarantees(install(d)).map((g) => g.name), ...Object.keys(properties)];

/**
 * The guarantees that do not apply to design d under bounds p: under their own conditions (G6
 * under revokeat, G9 for an inode-wide design), or because d does not claim them.
 */
export function notApplicableTo(d: Design, p: RevokeParams): Record<string, string> {
  const own = compileGuarantees(guarantees(install(d))).notApplicable;
  const reasons: Record<string, string> = {};
  for (const name of guaranteeNames(d)) {
    const claims = d.promises?.guarantees;
    const why = own[name]?.(p) ?? (claims !== undefined && !claims.includes(name) ? 'not claimed' : undefined);
    if (why === undefined) continue;
    reasons[name] = why;
    // The unpromised half of a guarantee that does not apply does not apply either.
    const half = splits(install(d))[name];
    if (half) reasons[half.invariant] = why;
  }
  return reasons;
}

/** The bounds' problems; a design that claims a guarantee the model does not have is unusable (exit 150). */
function validateDesign(p: RevokeParams): string[] {
  const problems = [...variantProblems(p), ...validate(p)];
  if (problems.length > 0) return problems;
  // A design file is loaded here: one that does not load or lacks a hook throws (exit 150).
  const design = designNamed(p.variant);
  const known = guaranteeNames(design);
  for (const claim of design.promises?.guarantees ?? []) {
    if (!known.includes(claim)) {
      throw new DesignFileError(`design '${design.name}': promises.guarantees names '${claim}', which is no guarantee (known: ${known.join(', ')})`);
    }
  }
  for (const op of Object.keys(design.promises?.stops ?? {})) {
    if (!(OPERATIONS as readonly string[]).includes(op)) {
      throw new DesignFileError(`design '${design.name}': promises.stops names '${op}', which is no operation (known: ${OPERATIONS.join(', ')})`);
    }
  }
  return problems;
}

const study: Study<RevokeParams> = {
  name: 'revoke',
  summary:
    'revokeat/frevoke designs (Enberg 2006/2007, file list, badfs, cannibalize, BSD vgone, active references, DRM unplug, debugfs and procfs removal, Biederman 2009, tty hangup, Revocable<T>, the C revocable, EVIOCREVOKE, Hurd io_revoke) against every holder of a struct file',
  defaults,
  validate: validateDesign,
  rows: {
    param: 'variant',
    values: variantNames,
    // A design file's row is its design's name, not its path.
    label: (value) => (typeof value === 'string' && isDesignPath(value) ? designNamed(value).name : String(value)),
  },
  specFor: (p) => revokeSpec(designNamed(p.variant)),
  expected: (value) => designNamed(String(value)).expect,
  notApplicable: (p) => notApplicableTo(designNamed(p.variant), p),
  split: (p) => {
    const out: Record<string, SplitJudgement> = {};
    for (const [name, half] of Object.entries(splits(install(designNamed(p.variant)))))
      out[name] = { ...half, operations: half.operations.map((op) => OPERATION_TEXT[op]) };
    return out;
  },
  promises: (value) => {
    const stops = designNamed(String(value)).promises?.stops;
    return OPERATIONS.map((op) => {
      const words = stops === undefined ? 'every operation (revoke(2))' : stops[op];
      return words === undefined ? { operation: OPERATION_TEXT[op] } : { operation: OPERATION_TEXT[op], words };
    });
  },
  through: (p, guarantee, last) => operationsThrough(install(designNamed(p.variant)), guarantee, last as State, p),
  boundsNote,
  sheet: (value) => designSheet(designNamed(String(value)), String(value)),
};

export default study;
