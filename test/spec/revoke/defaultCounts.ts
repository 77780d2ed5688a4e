// Each variant's search on the default configuration: the figures the table prints (distinct)
// and `rmc check --json` reports. spec/revoke/README.md lists them too; readme.test.ts keeps the two equal.
import type { VariantName } from '../../../spec/revoke/kernel/params.ts';

export interface Counts {
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
}

export const defaultCounts: Readonly<Record<VariantName, Counts>> = {
  'enberg-2006': { distinct: 114155, generated: 510798, depth: 24 },
  'enberg-2007': { distinct: 124439, generated: 643336, depth: 29 },
  'file-list': { distinct: 46168, generated: 226082, depth: 23 },
  badfs: { distinct: 45536, generated: 232555, depth: 24 },
  cannibalize: { distinct: 23590, generated: 120499, depth: 19 },
  'vnode-revoke': { distinct: 14939, generated: 72959, depth: 20 },
  'active-refs': { distinct: 23213, generated: 119048, depth: 20 },
  'drm-unplug': { distinct: 34643, generated: 176483, depth: 20 },
  'debugfs-removal': { distinct: 3772, generated: 17570, depth: 15 },
  'procfs-removal': { distinct: 17674, generated: 88727, depth: 20 },
  'biederman-2009': { distinct: 53760, generated: 207832, depth: 23 },
  'tty-hangup': { distinct: 8231, generated: 31286, depth: 19 },
  'rust-revocable': { distinct: 1475, generated: 6591, depth: 16 },
  'c-revocable': { distinct: 47339, generated: 165558, depth: 30 },
  'evdev-revoke': { distinct: 2084, generated: 9455, depth: 14 },
  'hurd-io-revoke': { distinct: 9965, generated: 46047, depth: 20 },
};
