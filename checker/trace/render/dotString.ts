/** A DOT double-quoted string: backslashes and quotes escaped, newlines as DOT's centred `\n`. */
export function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
