export { defineErrataCommand, type ErrataCommand } from './_command.js';
export { type CliIO, EXIT, processIO, UsageError } from './_io.js';
export { commands, helpText, main, registerCommand } from './main.js';
