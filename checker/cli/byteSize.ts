// byteSize: a size as the command line takes it (--max-memory 8G, 500M, 1.5GB, 512MiB), in
// bytes. Units are powers of 1024, as Node's own --max-old-space-size and the JVM's -Xmx count
// them; a unit is required, since a bare 500 would be 500 bytes, never what anyone means.
import { shown, UsageError } from '../errors.ts';

const UNITS: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/** The bytes `text` names; a UsageError (exit 2) naming `flag` and the accepted forms otherwise. */
export function parseByteSize(text: string, flag: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt])(?:i?b)?\s*$/i.exec(text);
  const bytes = match ? Number(match[1]) * UNITS[match[2]!.toLowerCase()]! : NaN;
  if (!(bytes >= 1)) throw new UsageError(`--${flag} must be a size with a unit, K, M, G or T (powers of 1024: 500M, 8G), got ${shown(text)}`, 2);
  return Math.floor(bytes);
}
