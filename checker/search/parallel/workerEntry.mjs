// Worker threads start as plain Node: register tsx first so the worker (and the spec module it
// loads) can be TypeScript, as in the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./searchWorker.ts');
