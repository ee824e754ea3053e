import type { ArgsDef, CommandDef, ParsedArgs } from 'citty';
import type { CliIO } from './_io.js';

/** A CLI command: citty's definition plus examples and a run that returns an exit code. */
export interface ErrataCommand<T extends ArgsDef = ArgsDef> {
  readonly name: string;
  readonly description: string;
  readonly args: T;
  readonly examples: readonly string[];
  run(args: ParsedArgs<T>, io: CliIO): Promise<number>;
}

export function defineErrataCommand<const T extends ArgsDef>(cmd: ErrataCommand<T>): ErrataCommand<T> {
  return cmd;
}

export function toCitty(cmd: ErrataCommand): CommandDef {
  return { meta: { name: cmd.name, description: cmd.description }, args: cmd.args };
}
