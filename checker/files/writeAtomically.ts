// Files are written to a temporary name and renamed: nothing half-written is ever left, not even
// the temporary file when the write or the rename fails (a full disk leaves a short one behind).
import { dirname } from 'node:path';
import { nodeIO, type FileIO } from './fileIO.ts';

export function writeAtomically(file: string, content: string | Uint8Array, io: FileIO = nodeIO): void {
  io.mkdir(dirname(file));
  const temp = `${file}.tmp-${process.pid}`;
  try {
    io.write(temp, content);
    io.rename(temp, file);
  } catch (e) {
    io.remove(temp);
    throw e;
  }
}
