// What a run has established when an error ends it: the spec's name once it is loaded, its
// parameters once they are resolved. The --json error object carries them (main.ts), so a script
// learns which spec and bounds failed. A process runs one command, so one record is enough.
let spec: string | null = null;
let params: object | null = null;

export function knownSpec(name: string): void {
  spec = name;
}

export function knownParams(resolved: object): void {
  params = resolved;
}

export function runSoFar(): { readonly spec: string | null; readonly params: object | null } {
  return { spec, params };
}
