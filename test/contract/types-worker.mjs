// A worker thread that asks the TypeScript checker which wire codes the
// client types of generated catalogs accept: `ClientCode<typeof api>` of the
// code `errata types` generates, as a list of string literals. Plain
// JavaScript, so it runs in a worker without a TypeScript loader; it runs
// beside the HTTP requests of the contract test.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

// Required, not imported: an ESM import of this CommonJS file makes Node scan its 9 MB for export names.
const ts = createRequire(import.meta.url)('typescript');

/** Where the generated modules seem to be: beside this file, so `../../src/` resolves. */
const dir = join(workerData.dir, '__generated__');
const files = new Map();
const options = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  // Neither the DOM nor Node's types: the code types need neither, and parsing them is most of the cost.
  types: [],
  lib: ['lib.es2023.d.ts'],
};
const host = ts.createCompilerHost(options);
const real = { fileExists: host.fileExists, readFile: host.readFile, getSourceFile: host.getSourceFile };
const sources = new Map();
host.fileExists = (f) => files.has(f) || real.fileExists.call(host, f);
host.directoryExists = (d) => d === dir || ts.sys.directoryExists(d);
host.readFile = (f) => files.get(f) ?? real.readFile.call(host, f);
host.getSourceFile = (f, language, ...rest) => {
  const text = files.get(f);
  if (text === undefined) {
    // The library and errata's own sources are parsed once for every request.
    let sf = sources.get(f);
    if (sf === undefined) {
      sf = real.getSourceFile.call(host, f, language, ...rest);
      sources.set(f, sf);
    }
    return sf;
  }
  return ts.createSourceFile(f, text, language);
};

/**
 * What the generated modules import (`errata` in an application): the same
 * declarations `src/index.ts` re-exports, without the rest of the package.
 */
const ERRATA = [
  "export { defineCatalog, type ErrorArgs, type ErrorOf } from '../../../src/catalog/define.js';",
  "export { jsonDetails } from '../../../src/catalog/json-details.js';",
].join('\n');

let previous;
let requests = 0;

/**
 * `{ id, catalogs: [{ name, text }] }` → `{ id, unions: { [name]: { codes } | { loose } | { error } } }`:
 * `codes` the literals of the union, `loose` the type's text when it is not a union of literals.
 */
parentPort.on('message', ({ id, catalogs }) => {
  try {
    const check = join(dir, `check${requests++}.ts`);
    files.set(join(dir, 'errata.ts'), ERRATA);
    const lines = ["import type { ClientCode } from '../../../src/client/client.js';"];
    for (const { name, text } of catalogs) {
      const file = join(dir, `${name}.ts`);
      files.set(file, text);
      lines.push(
        `import type { api as ${name} } from './${name}.js';`,
        `export type ${name}_codes = ClientCode<typeof ${name}>;`,
      );
    }
    files.set(check, lines.join('\n'));
    const program = ts.createProgram([check], options, host, previous);
    previous = program;
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(check);
    const unions = {};
    for (const statement of source.statements) {
      if (!ts.isTypeAliasDeclaration(statement)) continue;
      const name = statement.name.text.replace(/_codes$/, '');
      const type = checker.getTypeAtLocation(statement.name);
      const members = type.isUnion() ? type.types : [type];
      unions[name] = members.every((m) => m.isStringLiteral())
        ? { codes: members.map((m) => m.value) }
        : { loose: checker.typeToString(type) };
    }
    // The generated modules must compile: a catalog whose types are wrong proves nothing.
    const problems = catalogs
      .flatMap(({ name }) =>
        ts.getPreEmitDiagnostics(program, program.getSourceFile(join(dir, `${name}.ts`))),
      )
      .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    if (process.env.CONTRACT_DEBUG) console.error(`types: request ${id}, ${catalogs.length} catalogs`);
    parentPort.postMessage({ id, unions, problems });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e?.stack ?? e) });
  }
});
