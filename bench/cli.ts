/**
 * CLI cold start: `errata --help` and `errata lint` of a 20-entry YAML catalog,
 * each a fresh `node` process, against a bare `node -e 0` (the floor no CLI
 * goes under). The command's own cost is its median minus the floor's.
 *
 * The CLI runs as it ships: src/ transpiled file by file (not bundled, like
 * `tsc`'s dist/) into a scratch package beside bin/errata.js, so module loading
 * costs what it costs an installed package. Target: own cost under 100 ms.
 * With `--against REF`, the CLI of that git revision runs in the same rounds,
 * alternating with this one, so both see the same load (before/after a change).
 * When the package's build bundles the CLI (scripts/bundle-cli.ts), so does the scratch package;
 * `--bundle` bundles this tree's CLI whatever its build says.
 * Run: npx tsx bench/cli.ts [rounds] [--against REF] [--bundle]
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { benchCatalog } from './cli-catalog.js';

const repo = join(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const againstAt = argv.indexOf('--against');
const against = againstAt === -1 ? undefined : argv[againstAt + 1];
// The rounds: the number that is not --against's value (without --against, any number).
// --bundle: bundle this tree's CLI (scripts/bundle-cli.ts) even when its build does not yet.
const forceBundle = argv.includes('--bundle');
const rounds = Number(
  argv.find((a, i) => /^\d+$/.test(a) && (againstAt === -1 || i !== againstAt + 1)) ?? 15,
);

/** Every non-test .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(f.name))
    .map((f) => join(f.parentPath, f.name));
}

/**
 * The package as installed: bin/, dist/ (src/ transpiled), schema/, and the
 * repository's node_modules; from the working tree or from a git revision.
 */
async function scratchPackage(ref?: string): Promise<{ dir: string; bundled: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'errata-bench-cli-'));
  let from = repo;
  if (ref !== undefined) {
    from = join(dir, 'source');
    mkdirSync(from);
    const tar = spawnSync(
      'git',
      ['archive', '--format=tar', ref, 'src', 'bin', 'schema', 'scripts', 'package.json'],
      {
        cwd: repo,
        maxBuffer: 1 << 28,
      },
    );
    if (tar.status !== 0) throw new Error(`git archive ${ref}: ${tar.stderr}`);
    const untar = spawnSync('tar', ['-x', '-C', from], { input: tar.stdout });
    if (untar.status !== 0) throw new Error(`tar: ${untar.stderr}`);
    // The revision's scripts/bundle-cli.ts imports esbuild (and typescript) from here.
    symlinkSync(join(repo, 'node_modules'), join(from, 'node_modules'), 'dir');
  }
  await build({
    entryPoints: sources(join(from, 'src')),
    outdir: join(dir, 'dist'),
    outbase: join(from, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    bundle: false,
    logLevel: 'error',
  });
  // What `npm run build` does after tsc: the CLI bundled when the build says so.
  const pkg = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as {
    scripts?: { build?: string };
  };
  const bundled = (ref === undefined && forceBundle) || pkg.scripts?.build?.includes('bundle-cli') === true;
  if (bundled) {
    const { bundleCli } = (await import(
      pathToFileURL(join(from, 'scripts', 'bundle-cli.ts')).href
    )) as typeof import('../scripts/bundle-cli.js');
    await bundleCli(from, join(dir, 'dist', 'cli'));
  }
  for (const part of ['bin', 'schema']) cpSync(join(from, part), join(dir, part), { recursive: true });
  cpSync(join(from, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  mkdirSync(join(dir, 'work'));
  writeFileSync(join(dir, 'work', 'errors.yaml'), benchCatalog(20));
  return { dir, bundled };
}

/**
 * CPU time (user + system, every thread) is steadier than wall time on a busy machine. `perf stat`
 * measures it to the microsecond when the machine lets it; GNU time to 10 ms; else none.
 */
const cpuMeter = (() => {
  if (spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', 'true']).status === 0) return 'perf';
  return existsSync('/usr/bin/time') ? 'time' : undefined;
})();

interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

function time(args: readonly string[], cwd: string, expected: number): Sample {
  const [cmd, argv] =
    cpuMeter === 'perf'
      ? ['perf', ['stat', '-x,', '-e', 'task-clock', process.execPath, ...args]]
      : cpuMeter === 'time'
        ? ['/usr/bin/time', ['-f', 'errata-bench-cpu %U %S', process.execPath, ...args]]
        : [process.execPath, [...args]];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8' });
  const wall = performance.now() - t0;
  if (r.status !== expected)
    throw new Error(`node ${args.join(' ')} exited ${r.status}, not ${expected}:\n${r.stdout}${r.stderr}`);
  const perf = /^([\d.]+),[^,]*,task-clock/m.exec(r.stderr);
  if (perf) return { wall, cpu: Number(perf[1]) };
  const m = /errata-bench-cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : Number.NaN };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

const labelled = async (ref?: string) => {
  const { dir, bundled } = await scratchPackage(ref);
  const notes = [ref, bundled ? 'bundled' : undefined].filter((x) => x !== undefined);
  return { label: notes.length > 0 ? ` (${notes.join(', ')})` : '', dir };
};
const builds = [await labelled()];
if (against !== undefined) builds.push(await labelled(against));
try {
  const cwd = join(builds[0]?.dir as string, 'work');
  const cases = [{ name: 'node -e 0', args: ['-e', '0'], exit: 0 }];
  for (const b of builds) {
    const bin = relative(cwd, join(b.dir, 'bin', 'errata.js'));
    cases.push(
      { name: `errata --help${b.label}`, args: [bin, '--help'], exit: 0 },
      { name: `errata lint errors.yaml (20 entries)${b.label}`, args: [bin, 'lint', 'errors.yaml'], exit: 0 },
    );
  }
  const samples = cases.map(() => [] as Sample[]);
  // One warm-up round (the file system cache), then alternating rounds.
  for (const c of cases) time(c.args, cwd, c.exit);
  for (let r = 0; r < rounds; r++)
    for (const [i, c] of cases.entries()) samples[i]?.push(time(c.args, cwd, c.exit));
  const stat = (i: number, k: keyof Sample) => median((samples[i] as Sample[]).map((x) => x[k]));
  const ms = (x: number) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(1)} ms`);
  console.log(
    `\nCLI cold start, median of ${rounds} runs (node ${process.version}; CPU by ${cpuMeter ?? 'nothing'})\n`,
  );
  console.log('| case | wall | own wall (minus node -e 0) | ratio | CPU | own CPU (minus node -e 0) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [i, c] of cases.entries()) {
    const [wall, cpu] = [stat(i, 'wall'), stat(i, 'cpu')];
    const own = (x: number, floor: number) => (i === 0 ? '' : ms(x - floor));
    console.log(
      `| ${c.name} | ${ms(wall)} | ${own(wall, stat(0, 'wall'))} | ${(wall / stat(0, 'wall')).toFixed(2)}x | ${ms(cpu)} | ${own(cpu, stat(0, 'cpu'))} |`,
    );
  }
} finally {
  for (const b of builds)
    if (process.env.KEEP) console.log(`kept ${b.dir}`);
    else rmSync(b.dir, { recursive: true, force: true });
}
