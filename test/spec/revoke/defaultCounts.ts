// Each variant's search on the default configuration: the figures the table prints (distinct)
// and `rmc check --json` reports. spec/revoke/README.md lists them too; readme.test.ts keeps the two equal.
import type { VariantName } from '../../../spec/revoke/kernel/params.ts';

export interface Counts {
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
}

export const defaultCounts: Readonly<Record<VariantName, Counts>> = {
  'enberg-2006': { distinct: 77495, generated: 358464, depth: 22 },
  'enberg-2007': { distinct: 78581, generated: 427001, depth: 25 },
  'file-list': { distinct: 32020, generated: 162812, depth: 21 },
  badfs: { distinct: 26474, generated: 145936, depth: 22 },
  cannibalize: { distinct: 16156, generated: 86290, depth: 17 },
  'vnode-revoke': { distinct: 9827, generated: 49775, depth: 18 },
  'active-refs': { distinct: 15491, generated: 83003, depth: 18 },
  'drm-unplug': { distinct: 24869, generated: 131420, depth: 18 },
  'debugfs-removal': { distinct: 2620, generated: 12485, depth: 13 },
  'procfs-removal': { distinct: 12130, generated: 63023, depth: 18 },
  'biederman-2009': { distinct: 43779, generated: 168268, depth: 21 },
  'tty-hangup': { distinct: 6278, generated: 23663, depth: 17 },
  'rust-revocable': { distinct: 764, generated: 3477, depth: 12 },
  'c-revocable': { distinct: 38528, generated: 133113, depth: 28 },
  'evdev-revoke': { distinct: 1274, generated: 6074, depth: 12 },
  'hurd-io-revoke': { distinct: 6149, generated: 29055, depth: 16 },
};
