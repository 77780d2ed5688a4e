// The design API's former path, kept for design files that name it: the types are defined in
// api/designApi.ts, the module `rmc/revoke` (package.json's `exports`) names.
export type * from './api/designApi.ts';
