// The worker side of a table whose rows run side by side (rowPool.ts): it loads the study module
// once, then checks whole rows as they are handed to it, each with one search thread, exactly as
// runTable checks a row in the main thread (checkRow), and sends each row's result back.
import { parentPort, workerData } from 'node:worker_threads';
import { SpecError } from '../errors.ts';
import { requireBundledSpec } from '../search/parallel/bundledSpec.ts';
import { specOf } from '../specModule.ts';
import { checkRow } from './checkRow.ts';
import type { AnyStudy } from './study.ts';
import type { FromRowWorker, RowWorkerSetup, ToRowWorker } from './rowProtocol.ts';

const setup = workerData as RowWorkerSetup;
const port = parentPort!;
const post = (m: FromRowWorker): void => port.postMessage(m);
const study = specOf(requireBundledSpec(setup.specFile, setup.specBundle)) as AnyStudy;
// Set by the coordinator when the table is interrupted (Ctrl-C): the row under way stops as one thread's would.
const interrupted = (): boolean => Atomics.load(setup.stop, 0) !== 0;

port.on('message', (m: ToRowWorker) => {
  void (async () => {
    try {
      const result = await checkRow(study, m.params, { ...m.options, interrupted });
      post({ type: 'result', row: m.row, result });
    } catch (e) {
      if (e instanceof SpecError) post({ type: 'spec-error', row: m.row, message: e.message, exitCode: e.exitCode });
      else post({ type: 'error', row: m.row, message: (e as Error)?.stack ?? String(e) });
    }
  })();
});
post({ type: 'ready' });
