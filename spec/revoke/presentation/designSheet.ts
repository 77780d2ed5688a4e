// designSheet: what a design's guarantee sheet (counterexamples/designs/<design>.md) says of it
// beyond the checker's findings. What the design is and what the model leaves out for it are its
// file's header comment (each design file opens with the kernel code it models and its "Left
// out:"); what it promises is `promisesOf`, the one place that reads a design's promise record
// (`promises.guarantees`: every guarantee when it names none), each worded by the guarantee's doc;
// what it promises per operation is the table's `promises` (designSheetMd.ts).
import { readFileSync } from 'node:fs';
import type { RowSheet } from '../../../checker/study/study.ts';
import { guarantees } from '../kernel/guarantees.ts';
import { isDesignPath } from '../kernel/designPath.ts';
import type { Design } from '../api/designApi.ts';
import { install } from '../kernel/install.ts';

/** G5's promise, which kernel/liveness.ts states in its header rather than in a doc field. */
const REVOKE_RETURNS =
  'G5: once revoke has begun it returns (0, or the error of a design that gives up), provided the revoker is not starved and every call in progress eventually returns.';

/** The built-in designs' files, by name (variants/index.ts lists the same). */
const FILES: Readonly<Record<string, string>> = {
  'enberg-2006': 'enberg2006.ts',
  'enberg-2007': 'enberg2007.ts',
  'file-list': 'fileList.ts',
  badfs: 'badfs.ts',
  cannibalize: 'cannibalize.ts',
  'vnode-revoke': 'vnodeRevoke.ts',
  'active-refs': 'activeRefs.ts',
  'biederman-2009': 'biederman2009.ts',
  'tty-hangup': 'ttyHangup.ts',
  'rust-revocable': 'rustRevocable.ts',
  'c-revocable': 'cRevocable.ts',
  'evdev-revoke': 'evdevRevoke.ts',
  'hurd-io-revoke': 'hurdRevoke.ts',
  'drm-unplug': 'drmUnplug.ts',
};

/** What design d promises, guarantee by guarantee, in the promise's words. */
export function promisesOf(d: Design): { guarantee: string; promise: string }[] {
  const claims = d.promises?.guarantees;
  const all = [...guarantees(install(d)).map((g) => ({ guarantee: g.name, promise: g.doc })), { guarantee: 'revoke-returns', promise: REVOKE_RETURNS }];
  return claims === undefined ? all : all.filter((g) => claims.includes(g.guarantee));
}

/** The leading `//` comment of a source file, as paragraphs of plain text. */
export function headerComment(source: string): string {
  const lines: string[] = [];
  for (const line of source.split('\n')) {
    if (!line.startsWith('//')) break;
    lines.push(line.replace(/^\/\/ ?/, ''));
  }
  return lines.join('\n').trim();
}

/** The sheet's words for design d (found by the `variant` value, a name or a design file's path). */
export function designSheet(d: Design, variant: string): RowSheet {
  const file = isDesignPath(variant) ? variant : FILES[d.name] !== undefined ? new URL(`../variants/${FILES[d.name]}`, import.meta.url) : undefined;
  const header = file === undefined ? '' : headerComment(readFileSync(file, 'utf8'));
  // "Left out: ..." runs to the end of the header or to the next paragraph that starts otherwise.
  const at = header.search(/^Left out:/m);
  const about = (at < 0 ? header : header.slice(0, at)).trim();
  const leftOut = at < 0 ? undefined : header.slice(at + 'Left out:'.length).trim();
  return { about: about || `The design \`${d.name}\`.`, promises: promisesOf(d), ...(leftOut ? { leftOut } : {}) };
}
