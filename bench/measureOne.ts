// One measured run in a fresh process (so peak RSS is this run's alone): prints a JSON line.
// Usage: node --import tsx bench/measureOne.ts <spec> '<params json>' <workers> [config]
import { loadSpec } from '../checker/cli/loadSpec.ts';
import { resolveParams } from '../checker/run/params.ts';
import { check } from '../checker/run/check.ts';

const [specName, paramsJson, workers, config] = process.argv.slice(2);
const { spec, file, configDir } = await loadSpec(specName!);
const sets = Object.entries(JSON.parse(paramsJson ?? '{}')).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
const params = resolveParams(spec, configDir, config, sets);
const started = performance.now();
const result = await check(spec, params, { deadlock: false, continue: true, workers: Number(workers ?? 1), specFile: file });
// A run asked for workers that searched with one thread would be measured under a false name.
if (Number(workers ?? 1) > 1 && result.notes?.some((n) => n.startsWith('searched with one thread'))) throw new Error(`${specName}: ${result.notes.join('; ')}`);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  JSON.stringify({
    verdict: result.verdict,
    distinct: result.stats.distinctStates,
    generated: result.stats.generatedStates,
    depth: result.stats.depth,
    seconds,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    storeBytes: result.stats.storeBytes,
  }) + '\n',
);
