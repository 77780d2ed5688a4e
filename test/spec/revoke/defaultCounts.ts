// Each variant's search on the default configuration: the figures the table prints (distinct)
// and `rmc check --json` reports. spec/revoke/README.md lists them too; readme.test.ts keeps the two equal.
import type { VariantName } from '../../../spec/revoke/kernel/params.ts';

export interface Counts {
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
}

export const defaultCounts: Readonly<Record<VariantName, Counts>> = {
  'enberg-2006': { distinct: 17268, generated: 88479, depth: 20 },
  'enberg-2007': { distinct: 45498, generated: 277254, depth: 23 },
  'file-list': { distinct: 2354, generated: 12520, depth: 15 },
  badfs: { distinct: 10254, generated: 63270, depth: 20 },
  cannibalize: { distinct: 6774, generated: 39270, depth: 15 },
  'vnode-revoke': { distinct: 1752, generated: 10239, depth: 14 },
  'active-refs': { distinct: 1752, generated: 10239, depth: 14 },
};
