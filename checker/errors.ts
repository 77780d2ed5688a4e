// The errors the CLI turns into one line and an exit code. Raised once, where input is parsed or
// where a spec misbehaves; never printed here.

/** Bad input from the user: unknown spec, parameter, invariant; malformed config. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode: 2 | 150 | 151 = 151) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The spec itself failed: init or an action threw, a state could not be encoded (75), an
 * invariant threw (76), a temporal property could not be evaluated (77). */
export class SpecError extends Error {
  constructor(message: string, readonly exitCode: 75 | 76 | 77 = 75) {
    super(message);
    this.name = 'SpecError';
  }
}

/**
 * A value from the user as an error message echoes it: JSON-quoted and cut to `max` characters,
 * so a 100 KB `--set` value does not come back whole.
 */
export function shown(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `'${text.slice(0, max)}...' (${text.length.toLocaleString('en-US')} characters)` : `'${text}'`;
}
