// prebuilt: the search worker and the spec module as plain JavaScript, bundled by esbuild once and
// kept in a cache folder, so a worker starts by loading one file instead of registering tsx and
// compiling TypeScript module by module (0.3-0.7 s of a worker's start on 2 cores: PROFILE.md).
//
// Why at first use, not at `npm ci`: a prepare step runs only where npm installs (not for a spec
// outside the repository, nor after a `git pull` that changes the checker), while a bundle keyed
// by its inputs is rebuilt exactly when one of them changed, in a fresh clone, on CI and on a
// developer's machine alike. A bundle records the files it was built from with their sizes and
// modification times; it is used while they all still match (a stat per file: well under a
// millisecond for the worker's ~40), and rebuilt otherwise (esbuild, ~0.1-0.3 s, in this thread,
// before the workers start). It is written to a temporary name and renamed, so concurrent runs
// never load a half-written bundle (the bundle is renamed before its list of inputs). Anything that fails (no writable cache folder, a module esbuild
// cannot bundle, one that reads import.meta in a way CommonJS cannot answer) falls back to the old way.
//
// CommonJS has no import.meta: esbuild leaves an empty object there and warns. A module that reads
// its own `import.meta.url` (or `dirname`, `filename`) gets it written in as a literal, per file, at
// load (fileMeta below): the revoke model's presentation does, and without that its bundle was
// refused and every worker compiled the model file by file through tsx, which ran its search about
// a third slower and started it later.
import { build, type Loader, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What a bundle was built from: each input file's size and modification time. */
type Inputs = Record<string, readonly [size: number, mtimeMs: number]>;

/**
 * The cache folder, node_modules/.cache/rmc beside the checker (npm's convention); none where it
 * cannot be made. Inside node_modules so that a bundle's `require` of a package (esbuild, ...)
 * finds the checker's own.
 */
function cacheDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../../node_modules/.cache/rmc/', import.meta.url));
  try {
    mkdirSync(dir, { recursive: true });
    return dir;
  } catch {
    return undefined;
  }
}

function stamp(file: string): readonly [number, number] {
  const s = statSync(file);
  return [s.size, s.mtimeMs];
}

function stillFresh(inputs: Inputs): boolean {
  try {
    return Object.entries(inputs).every(([file, [size, mtime]]) => {
      const [s, m] = stamp(file);
      return s === size && m === mtime;
    });
  } catch {
    return false;
  }
}

/**
 * The path of `entry` bundled into one CommonJS file (packages left to `require`), fresh against
 * its inputs; undefined where it cannot be (the caller loads `entry` the old way).
 */
export async function prebuiltBundle(entry: string): Promise<string | undefined> {
  const dir = cacheDir();
  if (dir === undefined) return undefined;
  const name = createHash('sha256').update(resolve(entry)).digest('hex').slice(0, 16);
  const bundle = join(dir, `${name}.cjs`);
  const manifest = join(dir, `${name}.inputs.json`);
  try {
    if (stillFresh(JSON.parse(readFileSync(manifest, 'utf8')) as Inputs)) return bundle;
  } catch {
    // none yet, or unreadable: build it
  }
  try {
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [fileMeta],
    });
    if (out.warnings.some((w) => w.text.includes('import.meta'))) return undefined;
    const inputs: Inputs = {};
    for (const input of Object.keys(out.metafile.inputs)) {
      const file = resolve(input);
      inputs[file] = stamp(file);
    }
    const suffix = `.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(bundle + suffix, out.outputFiles[0]!.text);
    renameSync(bundle + suffix, bundle);
    writeFileSync(manifest + suffix, JSON.stringify(inputs));
    renameSync(manifest + suffix, manifest);
    return bundle;
  } catch {
    return undefined;
  }
}

const LOADERS: Readonly<Record<string, Loader>> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
};

/** import.meta.url, .dirname and .filename as literals of the file they are read in (any other use of import.meta still warns). */
const fileMeta: Plugin = {
  name: 'rmc-file-meta',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      const loader = LOADERS[extname(args.path)];
      if (loader === undefined) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta')) return { contents: text, loader };
      const contents = text
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader };
    });
  },
};
