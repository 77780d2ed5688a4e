// The revoke model's symmetry (checker/spec.ts, Symmetry; `rmc check --symmetry`): the two struct
// files on I, F0 and F1, under revokeat with filesOnI=2. revokeat(path) revokes every open file of
// the inode, so no step of the caller names one of the two; open takes the lowest free id, which
// renames with the state (of two free ids it picks F0, and the state where F1 is taken instead is
// in the same orbit). That holds only where nothing still names a freed id when open reuses it,
// and where a design's own state names files by their ids and not by position. The orbit test
// (test/spec/revoke/symmetry.test.ts: for every reachable state s and its image t, the orbits of
// s's successors are t's, and every invariant and reachable predicate agrees) finds the designs
// where it does not (NOT_FILE_SYMMETRIC says how), and those declare no symmetry.
//
// Tasks are not declared (kernel/liveness.ts says why: the revoker scans tasks in id order).
//
// `permute` renames ids everywhere a state holds them and keeps the state's own conventions: the
// revoker's refs stay sorted, the files object keeps FILE_IDS order.
import type { Symmetry } from '../../checker/spec.ts';
import type { RevokeParams, State } from './api/designApi.ts';
import { FILE_IDS } from './kernel/state.ts';

/** Designs where F0 and F1 are not interchangeable, each with what the orbit test found. */
export const NOT_FILE_SYMMETRIC: Readonly<Record<string, string>> = {
  // A borrowed call still names a freed F0 when a later open takes F0 again (the lowest free id):
  // renamed, the call names F1, which the open does not take.
  'enberg-2006': 'a borrowed call names a freed id that open reuses',
  'enberg-2007': 'a borrowed call names a freed id that open reuses',
  // The revoker's cursor keeps the id of a revoked file after it is freed; open reuses it.
  'evdev-revoke': "the revoker's cursor names a freed id that open reuses",
  'biederman-2009': 'the revoker walks the files in id order (its cursor names the last one)',
  // Its SRCU handles are an array by file position, which a renaming of ids does not move.
  'c-revocable': 'its own state holds per-file entries by position',
};

/** The symmetry of the revoke model under bounds p for design `name` (no sets where it has none). */
export function revokeSymmetry(name: string, p: RevokeParams): Symmetry<State> {
  if (p.mode !== 'revokeat' || p.filesOnI !== 2 || Object.hasOwn(NOT_FILE_SYMMETRIC, name)) return { sets: [] };
  return { sets: [['F0', 'F1']], permute: (s, rename) => permuteState(s, rename) };
}

function permuteState(s: State, rename: ReadonlyMap<string | number, string | number>): State {
  const r = (v: unknown): unknown => renamed(v, rename);
  const files: Record<string, State['files'][string]> = {};
  for (const k of FILE_IDS) {
    const from = FILE_IDS.find((old) => (rename.get(old) ?? old) === k)!;
    const f = s.files[from];
    if (f !== undefined) files[k] = f;
  }
  return {
    tasks: r(s.tasks) as State['tasks'],
    tables: r(s.tables) as State['tables'],
    files,
    inodes: s.inodes,
    message: r(s.message) as State['message'],
    revoker: { ...s.revoker, cursor: r(s.revoker.cursor) as string, spared: r(s.revoker.spared) as string, refs: (r(s.revoker.refs) as string[]).sort() },
    design: r(s.design),
  };
}

/** v with every id `rename` maps renamed, as a value, an array element or an object's value (keys are task and table ids, never files). */
function renamed(v: unknown, rename: ReadonlyMap<string | number, string | number>): unknown {
  if (typeof v === 'string') return rename.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => renamed(x, rename));
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[String(rename.get(k) ?? k)] = renamed((v as Record<string, unknown>)[k], rename);
  return out;
}
