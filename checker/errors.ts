// The errors the CLI turns into one line and an exit code. Raised once, where input is parsed or
// where a spec misbehaves; never printed here.
import { valueText } from './valueText.ts';

/** Bad input from the user: unknown spec, parameter, invariant; malformed config. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 150 | 151 = 151,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The spec itself failed: init or an action threw, a state could not be encoded (75), an
 * invariant threw (76), a temporal property could not be evaluated (77). */
export class SpecError extends Error {
  constructor(
    message: string,
    readonly exitCode: 75 | 76 | 77 = 75,
  ) {
    super(message);
    this.name = 'SpecError';
  }
}

/**
 * A value from the user as an error message echoes it: JSON-quoted (-0 and Infinity as written,
 * valueText.ts) and cut to `max` characters, so a 100 KB `--set` value does not come back whole.
 */
export function shown(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : valueText(value);
  return text.length > max ? `'${text.slice(0, max)}...' (${text.length.toLocaleString('en-US')} characters)` : `'${text}'`;
}

/** An output (traces, the counterexamples folder) could not be written: 74, sysexits' EX_IOERR.
 * The message names the path and the OS error, as `osErrorText` words it. */
export class OutputError extends Error {
  readonly exitCode = 74;
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** A Node fs error (it carries a string `code`), as opposed to a bug in our own code. */
export function isOsError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

/** `ENOSPC: no space left on device`: Node's message without its `, syscall 'path'` tail, since
 * the line that quotes it names the path the user asked for, not our temporary one. */
export function osErrorText(e: NodeJS.ErrnoException & { code: string }): string {
  const tail = e.syscall ? e.message.indexOf(`, ${e.syscall}`) : -1;
  const text = tail >= 0 ? e.message.slice(0, tail) : e.message;
  return text.startsWith(`${e.code}:`) ? text : `${e.code}: ${text}`;
}
