// writeFileSet: a run's output files into one folder, all or none. When one write fails (a full
// disk after three traces of ten), the files this call already wrote and the folders it created
// are removed before the error goes on, so the user never mistakes a partial set for a result.
import { join } from 'node:path';
import { nodeIO, removeCreatedDirs, type FileIO } from './fileIO.ts';
import { writeAtomically } from './writeAtomically.ts';

export function writeFileSet(dir: string, files: readonly (readonly [name: string, content: string])[], io: FileIO = nodeIO): void {
  const created = io.mkdir(dir);
  const written: string[] = [];
  try {
    for (const [name, content] of files) {
      const file = join(dir, name);
      writeAtomically(file, content, io);
      written.push(file);
    }
  } catch (e) {
    for (const file of written) io.remove(file);
    removeCreatedDirs(dir, created, io);
    throw e;
  }
}
