import { readFileSync } from 'node:fs';
import { type ArgDef, type ArgsDef, type CommandDef, parseArgs, renderUsage } from 'citty';
import { CatalogError } from '../catalog/errors.js';
import { issueText } from '../catalog/issue-text.js';
import { SourceFileError } from '../catalog/read-file.js';
import { short } from '../catalog/source.js';
import { didYouMean } from '../catalog/suggest.js';
import { type ErrataCommand, toCitty } from './_command.js';
import { type CliIO, colors, EXIT, stripAnsi, UsageError } from './_io.js';
import { checkCommand } from './commands/check.js';
import { diffCommand } from './commands/diff.js';
import { docsCommand } from './commands/docs.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { lintCommand } from './commands/lint.js';
import { lockCommand } from './commands/lock.js';
import { messagesCommand } from './commands/messages.js';
import { openapiCommand } from './commands/openapi.js';
import { renderCommand } from './commands/render.js';
import { typesCommand } from './commands/types.js';

/** Every command of the CLI, in the order `errata --help` lists them. */
export const commands: ErrataCommand[] = [
  initCommand,
  exportCommand,
  typesCommand,
  docsCommand,
  openapiCommand,
  lintCommand,
  diffCommand,
  checkCommand,
  importCommand,
  messagesCommand,
  lockCommand,
  renderCommand,
] as unknown as ErrataCommand[];

/** The package's own version: src/cli/ and dist/cli/ both sit two folders below package.json. */
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const root = (): CommandDef => ({
  meta: {
    name: 'errata',
    version: VERSION,
    description: 'One catalog for the whole life of an API’s errors.',
  },
  subCommands: Object.fromEntries(commands.map((c) => [c.name, toCitty(c)])),
});

/** The help text of the CLI or of one command, with examples; plain text. */
export async function helpText(name?: string): Promise<string> {
  if (name === undefined) {
    const usage = stripAnsi(await renderUsage(root()));
    // Every example already starts with "errata <command>".
    const list = commands.map((c) => `  ${c.examples[0] ?? `errata ${c.name}`}`).join('\n');
    return `${usage.trimEnd()}\n\nEXAMPLES\n\n${list}\n\nExit codes: 0 ok, 1 findings, 2 bad usage or input.\n`;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) throw unknownCommand(name);
  const usage = stripAnsi(await renderUsage(toCitty(cmd), root()));
  return `${usage.trimEnd()}\n\nEXAMPLES\n\n${cmd.examples.map((e) => `  ${e}`).join('\n')}\n`;
}

/** An unknown command, with the nearest ones and the list of all. */
function unknownCommand(name: string): UsageError {
  const names = commands.map((c) => c.name);
  return new UsageError(
    `unknown command "${short(name, 60)}".${didYouMean(name, names)} Commands: ${names.join(', ')}`,
  );
}

/** An unknown option, with the nearest long options of the command. */
function unknownOption(spelt: string, flag: string, known: ReadonlySet<string>): UsageError {
  const long = [...known].filter((k) => k.length > 1);
  const hint = didYouMean(flag, long, { show: (f) => `--${f}` });
  return new UsageError(`unknown option "${short(spelt, 60)}"${hint ? `.${hint}` : ''}`);
}

const aliases = (arg: ArgDef): string[] => ['alias' in arg ? (arg.alias ?? []) : []].flat();

function checkArgs(raw: string[], def: ArgsDef): void {
  const known = new Set<string>(['help', 'h']);
  const positional: string[] = [];
  for (const [name, arg] of Object.entries(def)) {
    if (arg.type === 'positional') positional.push(name);
    else {
      known.add(name);
      if (arg.type === 'boolean') known.add(`no-${name}`);
      for (const a of aliases(arg)) known.add(a);
    }
  }
  // A positional marked `variadic` (the last) takes every argument left.
  const variadic = Object.values(def).some((a) => a.type === 'positional' && 'variadic' in a && a.variadic);
  let positionals = 0;
  const given = new Map<string, string>();
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i] as string;
    if (token === '--') {
      positionals += raw.length - i - 1;
      break;
    }
    if (token.startsWith('-') && token !== '-') {
      const equals = token.indexOf('=');
      const spelt = equals === -1 ? token : token.slice(0, equals);
      const flag = spelt.replace(/^--?/, '');
      if (!known.has(flag) || (!spelt.startsWith('--') && flag.length !== 1))
        throw unknownOption(spelt, flag, known);
      if (flag === 'help' || flag === 'h') continue;
      const negated = flag.startsWith('no-') && !Object.hasOwn(def, flag);
      const name = negated
        ? flag.slice(3)
        : Object.hasOwn(def, flag)
          ? flag
          : (Object.keys(def).find((n) => aliases(def[n] as ArgDef).includes(flag)) as string);
      const definition = def[name] as ArgDef;
      const previous = given.get(name);
      if (previous !== undefined)
        throw new UsageError(
          `option "${spelt}" is given twice${previous === spelt ? '' : ` (also as "${previous}")`}`,
        );
      given.set(name, spelt);
      if (definition.type === 'boolean') {
        if (equals !== -1 && (negated || !['true', 'false'].includes(token.slice(equals + 1))))
          throw new UsageError(`option "${spelt}" takes no value (got "${token.slice(equals + 1)}")`);
        continue;
      }
      let value: string;
      if (equals !== -1) value = token.slice(equals + 1);
      else {
        if (i + 1 >= raw.length) throw new UsageError(`option "${token}" needs a value`);
        value = raw[++i] as string;
      }
      if (value === '') throw new UsageError(`option "${spelt}" needs a value (got an empty string)`);
    } else {
      if (token === '') {
        const name = positional[positionals] ?? 'argument';
        throw new UsageError(`${name.toUpperCase()} must not be empty`);
      }
      positionals++;
    }
  }
  if (positionals > positional.length && !variadic)
    throw new UsageError(
      `too many arguments (expected ${positional.length ? positional.join(', ') : 'none'})`,
    );
  // citty rejects a bad enum value itself, in colour; read enums as strings and say it plainly.
  const asStrings = Object.fromEntries(
    Object.entries(def).map(([argName, arg]) => [
      argName,
      arg.type === 'enum' ? { ...arg, type: 'string' as const, options: undefined } : arg,
    ]),
  ) as ArgsDef;
  let parsed: Record<string, unknown>;
  try {
    parsed = parseArgs(raw, asStrings) as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(stripAnsi((e as Error).message));
  }
  for (const [name, arg] of Object.entries(def)) {
    if (arg.type === 'enum' && arg.options) {
      const value = parsed[name];
      if (value !== undefined && !arg.options.includes(String(value)))
        throw new UsageError(`--${name} must be one of ${arg.options.join(', ')} (got "${String(value)}")`);
    }
  }
}

/** Runs the CLI and returns its exit code. Never throws and never prints a stack trace. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const paint = colors(io);
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      io.stdout(await helpText(topic));
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    const cmd = commands.find((x) => x.name === name);
    if (!cmd) throw unknownCommand(name);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(await helpText(cmd.name));
      return EXIT.ok;
    }
    checkArgs([...rest], cmd.args);
    let args: ReturnType<typeof parseArgs>;
    try {
      args = parseArgs([...rest], cmd.args);
    } catch (e) {
      throw new UsageError(stripAnsi((e as Error).message));
    }
    return await cmd.run(args as never, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${paint.red('error')}: ${e.message}\n`);
      const cmd = commands.find((x) => x.name === name);
      io.stderr(`Run "errata ${cmd ? `${cmd.name} ` : ''}--help" for usage.\n`);
      return EXIT.usage;
    }
    if (e instanceof SourceFileError) {
      io.stderr(`${paint.red('error')}: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof CatalogError) {
      io.stderr(`${paint.red('error')}: ${e.file ?? 'catalog'}: invalid catalog\n`);
      for (const i of e.issues) io.stderr(`  ${issueText(i, e.file, paint.bold)}\n`);
      return EXIT.usage;
    }
    const err = e as Error;
    io.stderr(`${paint.red('error')}: ${err?.message ?? String(e)}\n`);
    if (process.env.ERRATA_DEBUG) io.stderr(`${err?.stack ?? ''}\n`);
    return EXIT.usage;
  }
}
