import { describe, expect, it } from 'vitest';
import { parseByteSize } from '../../../checker/cli/byteSize.ts';
import { UsageError } from '../../../checker/errors.ts';

describe('parseByteSize', () => {
  it('reads K, M, G and T as powers of 1024, with or without B or iB, in either case', () => {
    expect(parseByteSize('500M', 'max-memory')).toBe(500 * 2 ** 20);
    expect(parseByteSize('8G', 'max-memory')).toBe(8 * 2 ** 30);
    expect(parseByteSize('64k', 'max-memory')).toBe(64 * 1024);
    expect(parseByteSize('2T', 'max-memory')).toBe(2 * 2 ** 40);
    expect(parseByteSize('1.5GB', 'max-memory')).toBe(1.5 * 2 ** 30);
    expect(parseByteSize('512MiB', 'max-memory')).toBe(512 * 2 ** 20);
    expect(parseByteSize(' 3 g ', 'max-memory')).toBe(3 * 2 ** 30);
  });

  it('refuses a bare number, a negative or empty size, and an unknown unit, naming the flag and the forms', () => {
    for (const bad of ['500', '-1G', '0M', 'G', '', '1.2.3M', '5P', '8 gigs', '1e3M']) {
      expect(() => parseByteSize(bad, 'max-memory'), bad).toThrow(UsageError);
    }
    expect(() => parseByteSize('500', 'max-memory')).toThrow("--max-memory must be a size with a unit, K, M, G or T (powers of 1024: 500M, 8G), got '500'");
    expect(() => parseByteSize('0M', 'max-memory')).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});
