// Distinct states of each variant on the default configuration: the figures the table prints.
import type { VariantName } from '../../../spec/revoke/params.ts';

export const defaultDistinct: Record<VariantName, number> = {
  'enberg-2006': 17268,
  'enberg-2007': 45498,
  'file-list': 2354,
  badfs: 10254,
  cannibalize: 6774,
  'vnode-revoke': 1752,
  'active-refs': 1752,
};
