// A row worker where its prebuilt bundle could not be made (rowPool.ts): tsx's CommonJS hook
// compiles the worker's TypeScript in this thread, as the search workers' entry does.
require('tsx/cjs/api').register();
require('./rowWorker.ts');
