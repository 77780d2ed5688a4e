// Worker threads start as plain Node. tsx's CommonJS hook compiles the worker and the spec module
// it loads (TypeScript) in this thread; its ESM loader would start a loader thread per worker
// first, which doubled a worker's start-up (about 400 ms against 200 ms).
require('tsx/cjs/api').register();
require('./searchWorker.ts');
