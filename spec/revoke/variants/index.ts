// The seven designs, by the `variant` parameter's names.
import type { VariantName } from '../params.ts';
import type { Variant } from '../variant.ts';
import { activeRefs } from './activeRefs.ts';
import { badfs } from './badfs.ts';
import { cannibalize } from './cannibalize.ts';
import { enberg2006 } from './enberg2006.ts';
import { enberg2007 } from './enberg2007.ts';
import { fileList } from './fileList.ts';
import { vnodeRevoke } from './vnodeRevoke.ts';

export const variants: Readonly<Record<VariantName, Variant>> = {
  'enberg-2006': enberg2006,
  'enberg-2007': enberg2007,
  'file-list': fileList,
  badfs,
  cannibalize,
  'vnode-revoke': vnodeRevoke,
  'active-refs': activeRefs,
};
