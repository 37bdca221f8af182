// The production server build: server/main.ts bundled by esbuild into one ES module,
// dist/server/main.js, that plain `node` runs (no tsx, no TypeScript at run time).
// Packages stay external (node_modules is installed with `npm ci --omit=dev`); our
// own code (server/, contract/) is bundled. Run by `npm run build` and by the bench.
import { builtinModules } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
export const serverDist = path.join(root, 'dist', 'server');

/**
 * Modules that locate files next to themselves (views, the client build) use
 * import.meta.dirname. In one bundle that would be dist/server for all of them, so
 * each use is rewritten to the module's source directory, resolved from the bundle's
 * place in the repository at run time: the same files as when running from source.
 */
const sourceDirectories: Plugin = {
  name: 'source-directories',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const contents = await readFile(args.path, 'utf8');
      if (!contents.includes('import.meta.dirname') || args.path.includes('node_modules')) {
        return { contents, loader: 'ts' };
      }
      const relative = path.relative(root, path.dirname(args.path)).split(path.sep).join('/');
      return {
        contents: contents.replaceAll(
          'import.meta.dirname',
          `__sourceDirectory(${JSON.stringify(relative)})`,
        ),
        loader: 'ts',
      };
    });
  },
};

const BANNER = `import { fileURLToPath as __fileURLToPath } from 'node:url';
const __repositoryRoot = __fileURLToPath(new URL('../..', import.meta.url));
const __sourceDirectory = (relative) => __repositoryRoot + relative;`;

/** Builds dist/server/main.js; returns the bundle's path. */
export async function buildServer({ quiet = false } = {}): Promise<string> {
  rmSync(serverDist, { recursive: true, force: true });
  const outfile = path.join(serverDist, 'main.js');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'server', 'main.ts')],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    // Fastify's and pino's error messages keep readable function names.
    keepNames: true,
    banner: { js: BANNER },
    plugins: [sourceDirectories],
    metafile: true,
    logLevel: quiet ? 'warning' : 'info',
  });
  if (result.errors.length > 0) throw new Error('The server build failed.');
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports);
  checkProductionDependencies(imports.filter((i) => i.external).map((i) => i.path));
  return outfile;
}

/**
 * `npm ci --omit=dev` installs only `dependencies`: every package the bundle imports
 * must be one of them, or production would fail at start-up (e.g. on tsx).
 */
function checkProductionDependencies(specifiers: string[]): void {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const builtins = new Set(builtinModules);
  const missing = new Set<string>();
  for (const specifier of specifiers) {
    if (specifier.startsWith('node:') || builtins.has(specifier.split('/')[0] ?? '')) continue;
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
    if (!(name in (manifest.dependencies ?? {}))) missing.add(name);
  }
  if (missing.size > 0) {
    throw new Error(
      `The server imports ${[...missing].join(', ')}, not in package.json "dependencies": a production install (npm ci --omit=dev) would not have it.`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await buildServer();
}
