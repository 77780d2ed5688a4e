// npm run bench: one table, a row per model and worker count, and the peers side by side.
// It prints figures and ratios, never pass/fail (speed is not a unit test).
//
//   npm run bench                 the standard rows (several minutes)
//   npm run bench -- --quick      one run per row, small models only
//   npm run bench -- --runs 5     median of 5 instead of 3
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { runSpin, runTlc, runTlcRevoke, spinMissing, tlcMissing, type PeerRun } from './peers.ts';

interface Row {
  readonly model: string;
  readonly spec: string;
  readonly params: object;
  readonly workers: number;
  readonly config?: string;
  readonly runs?: number;
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsArg = args.indexOf('--runs');
const defaultRuns = runsArg >= 0 ? Number(args[runsArg + 1]) : quick ? 1 : 3;

const rows: Row[] = quick
  ? [
      { model: 'philosophers n=8', spec: 'classic/philosophers', params: { n: 8 }, workers: 1 },
      { model: 'twophase rms=7', spec: 'classic/twophase', params: { rms: 7 }, workers: 1 },
      { model: 'revoke default', spec: 'revoke', params: {}, workers: 1 },
    ]
  : [
      { model: 'philosophers n=10', spec: 'classic/philosophers', params: { n: 10 }, workers: 1 },
      { model: 'philosophers n=10', spec: 'classic/philosophers', params: { n: 10 }, workers: 2 },
      { model: 'twophase rms=7', spec: 'classic/twophase', params: { rms: 7 }, workers: 1 },
      { model: 'twophase rms=8', spec: 'classic/twophase', params: { rms: 8 }, workers: 1 },
      { model: 'twophase rms=8', spec: 'classic/twophase', params: { rms: 8 }, workers: 2 },
      { model: 'twophase rms=9', spec: 'classic/twophase', params: { rms: 9 }, workers: 2, runs: 1 },
      { model: 'revoke wide', spec: 'revoke', params: {}, config: 'wide', workers: 1, runs: 1 },
    ];

interface Measured {
  verdict: string;
  distinct: number;
  generated: number;
  depth: number;
  seconds: number;
  peakRssBytes: number;
  storeBytes: number;
}

function measureOnce(row: Row): Promise<Measured> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        resolve(import.meta.dirname, 'measureOne.ts'),
        row.spec,
        JSON.stringify(row.params),
        String(row.workers),
        ...(row.config ? [row.config] : []),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? done(JSON.parse(out) as Measured) : fail(new Error(`${row.model}: measuring run exited ${code}`))));
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
const mb = (b: number): string => `${(b / 1e6).toFixed(0)} MB`;

// bytes/distinct: peak RSS over distinct states (everything, Node's own ~50 MB included);
// store B/state: the seen-set and parent links alone, what grows with the state space.
const header = [
  'model',
  'workers',
  'distinct',
  'generated',
  'depth',
  'seconds (median)',
  'distinct/s',
  'generated/s',
  'peak RSS',
  'bytes/distinct',
  'store B/state',
];
const table: string[][] = [];
const ours = new Map<string, { seconds: number; rss: number }>();
process.stderr.write(`bench: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}\n`);
for (const row of rows) {
  const runs: Measured[] = [];
  for (let i = 0; i < (row.runs ?? defaultRuns); i++) runs.push(await measureOnce(row));
  const m = runs[0]!;
  const seconds = median(runs.map((r) => r.seconds));
  const rss = median(runs.map((r) => r.peakRssBytes));
  ours.set(`${row.model}/${row.workers}`, { seconds, rss });
  table.push([
    row.model,
    String(row.workers),
    fmt(m.distinct),
    fmt(m.generated),
    String(m.depth),
    seconds.toFixed(2),
    fmt(m.distinct / seconds),
    fmt(m.generated / seconds),
    mb(rss),
    fmt(rss / m.distinct),
    (m.storeBytes / m.distinct).toFixed(1),
  ]);
  process.stderr.write(`bench: ${row.model}, ${row.workers} worker(s): ${seconds.toFixed(2)} s\n`);
}

const peerLines: string[] = [];
const peerRow = (name: string, p: PeerRun): string[] => [
  name,
  '-',
  fmt(p.distinct),
  fmt(p.generated),
  '-',
  p.seconds.toFixed(2),
  fmt(p.distinct / p.seconds),
  fmt(p.generated / p.seconds),
  mb(p.peakRssBytes),
  fmt(p.peakRssBytes / p.distinct),
  '-',
];
const ratio = (name: string, key: string, peer: PeerRun): void => {
  const o = ours.get(key);
  if (o)
    peerLines.push(
      `ours/${name} (${key.replace('/', ', workers ')}): time ${(o.seconds / peer.seconds).toFixed(2)}x, peak RSS ${(o.rss / peer.peakRssBytes).toFixed(2)}x`,
    );
};
if (!quick) {
  const spin = spinMissing();
  if (spin) peerLines.push(spin);
  else {
    const runs: PeerRun[] = [];
    for (let i = 0; i < defaultRuns; i++) runs.push(await runSpin(10));
    const p = { ...runs[0]!, seconds: median(runs.map((r) => r.seconds)), peakRssBytes: median(runs.map((r) => r.peakRssBytes)) };
    table.push(peerRow('SPIN philosophers n=10 (BFS, -DNOREDUCE)', p));
    ratio('SPIN', 'philosophers n=10/1', p);
    ratio('SPIN', 'philosophers n=10/2', p);
  }
  const tlc = tlcMissing();
  if (tlc) peerLines.push(tlc);
  else {
    for (const w of [1, 2]) {
      const p = await runTlc(w);
      table.push(peerRow(`TLC philosophers n=10 (-workers ${w})`, p));
      ratio(`TLC${w}`, `philosophers n=10/${w}`, p);
    }
    // Our revoke row also checks G5 (the behaviour graph); TLC's twin checks the invariants only.
    const revoke = await runTlcRevoke(1);
    table.push(peerRow('TLC revoke wide (RevokeTiming, -workers 1)', revoke));
    ratio('TLC (invariants only)', 'revoke wide/1', revoke);
  }
}

const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (r: string[]): string => `| ${r.map((x, i) => (i < 1 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of table) console.log(line(r));
for (const l of peerLines) console.log(l);
const w1 = ours.get('twophase rms=8/1');
const w2 = ours.get('twophase rms=8/2');
if (w1 && w2) console.log(`twophase rms=8: 2 workers are ${(w1.seconds / w2.seconds).toFixed(2)}x one worker`);
