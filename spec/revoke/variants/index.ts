// The built-in designs, by the `variant` parameter's names (designs.ts finds a design by its name,
// or loads a design file by its path).
import type { VariantName } from '../kernel/params.ts';
import type { Design } from '../api/designApi.ts';
import { activeRefs } from './activeRefs.ts';
import { badfs } from './badfs.ts';
import { biederman2009 } from './biederman2009.ts';
import { cannibalize } from './cannibalize.ts';
import { debugfsRemoval } from './debugfsRemoval.ts';
import { drmUnplug } from './drmUnplug.ts';
import { enberg2006 } from './enberg2006.ts';
import { evdevRevoke } from './evdevRevoke.ts';
import { enberg2007 } from './enberg2007.ts';
import { fileList } from './fileList.ts';
import { hurdRevoke } from './hurdRevoke.ts';
import { procfsRemoval } from './procfsRemoval.ts';
import { cRevocable } from './cRevocable.ts';
import { rustRevocable } from './rustRevocable.ts';
import { ttyHangup } from './ttyHangup.ts';
import { vnodeRevoke } from './vnodeRevoke.ts';

export const variants: Readonly<Record<VariantName, Design>> = {
  'enberg-2006': enberg2006,
  'enberg-2007': enberg2007,
  'file-list': fileList,
  badfs,
  cannibalize,
  'vnode-revoke': vnodeRevoke,
  'active-refs': activeRefs,
  'drm-unplug': drmUnplug,
  'debugfs-removal': debugfsRemoval,
  'procfs-removal': procfsRemoval,
  'biederman-2009': biederman2009,
  'tty-hangup': ttyHangup,
  'rust-revocable': rustRevocable,
  'c-revocable': cRevocable,
  'evdev-revoke': evdevRevoke,
  'hurd-io-revoke': hurdRevoke,
};

/** Every built-in design by its name: each is a row of the table. */
export const builtInDesigns: Readonly<Record<string, Design>> = variants;
