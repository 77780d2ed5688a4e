// One measured run in a fresh process (so peak RSS is this run's alone): prints a JSON line.
// Usage: node --import tsx bench/measureOne.ts '<job json>'
//
// The job (bench/run.ts builds it) says what the CLI would be told:
//   spec        registered name or path, as `rmc check <spec>`
//   params      --set name=value for each entry
//   config      --config <name>
//   workers     --workers <n> (default 1)
//   invariants  --invariant <name> for each: only those are checked, and no temporal property
//               (check() selects as the CLI does: naming only invariants checks only those)
//   mode        'check' (default): `rmc check <spec> --no-deadlock --continue ...`;
//               'table': `rmc table <spec> ...` (every value of the spec's table parameter)
// Both run in-process through the checker's own run functions (check, runTable), as the CLI does.
import { loadSpec } from '../checker/cli/loadSpec.ts';
import { resolveParams } from '../checker/run/params.ts';
import { check } from '../checker/run/check.ts';
import { checkRow } from '../checker/study/checkRow.ts';
import { isStudy } from '../checker/study/study.ts';
import { studyParamSource } from '../checker/study/studyParams.ts';
import { runTable } from '../checker/study/table.ts';

export interface Job {
  readonly spec: string;
  readonly params?: Record<string, unknown>;
  readonly config?: string;
  readonly workers?: number;
  readonly invariants?: readonly string[];
  readonly mode?: 'check' | 'table';
}

export interface Measured {
  readonly verdict: string;
  readonly distinct: number;
  /** Absent for a table (runTable reports distinct states per row only). */
  readonly generated?: number;
  readonly depth?: number;
  /** Of the checker's own work (check or runTable), process start and spec loading excluded. */
  readonly seconds: number;
  readonly peakRssBytes: number;
  readonly storeBytes?: number;
  /** Set when more than one worker was asked for and the search ran in one thread: why. */
  readonly oneThread?: string;
  /** Table mode: the table's rows (values of its parameter). */
  readonly tableRows?: number;
  /** Table mode: each row's verdicts, one word per guarantee in column order (holds, violated, ...). */
  readonly verdicts?: Record<string, string[]>;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const workers = job.workers ?? 1;
const { spec: module, file, configDir } = await loadSpec(job.spec);
const sets = Object.entries(job.params ?? {}).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
const params = resolveParams(isStudy(module) ? studyParamSource(module) : module, configDir, job.config, sets);
const peakRssBytes = (): number => process.resourceUsage().maxRSS * 1024;
let measured: Measured;
if (job.mode === 'table') {
  if (!isStudy(module)) throw new Error(`${job.spec} is no study: it has no table`);
  let distinct = 0;
  let tableRows = 0;
  const verdicts: Record<string, string[]> = {};
  const started = performance.now();
  // The file lets the table's rows run side by side, one per worker (checker/study/rowPool.ts).
  await runTable(module, params, {
    workers,
    specFile: file,
    onRow: (value, cells, _seconds, d) => {
      distinct += d;
      tableRows++;
      verdicts[String(value)] = cells.map((c) => c.verdict);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  measured = { verdict: 'table', distinct, seconds, peakRssBytes: peakRssBytes(), tableRows, verdicts };
} else {
  const invariants = job.invariants ?? [];
  const started = performance.now();
  const options = { ...(invariants.length > 0 ? { invariants } : {}), deadlock: false, continue: true, workers, specFile: file };
  const result = await (isStudy(module) ? checkRow(module, params, options) : check(module, params, options));
  const seconds = (performance.now() - started) / 1000;
  // A run asked for workers that searched with one thread must not be shown under a false name.
  const oneThread = workers > 1 ? result.notes?.find((n) => n.startsWith('searched with one thread')) : undefined;
  measured = {
    verdict: result.verdict,
    distinct: result.stats.distinctStates,
    generated: result.stats.generatedStates,
    depth: result.stats.depth,
    seconds,
    peakRssBytes: peakRssBytes(),
    storeBytes: result.stats.storeBytes,
    ...(oneThread ? { oneThread } : {}),
  };
}
process.stdout.write(JSON.stringify(measured) + '\n');
