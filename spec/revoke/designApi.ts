// The design API, where a design file's `import type` finds it: kernel/designApi.ts says what it
// holds. Types only: a design reaches the API at run time through its factory's argument.
export type * from './kernel/designApi.ts';
