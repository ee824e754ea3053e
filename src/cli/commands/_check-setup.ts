// What every mode of `errata check` reads before it looks at a response: the
// catalog, the config (checks and log fields), the routes; and the checker.
import { extname, relative, resolve } from 'node:path';
import { CatalogError } from '../../catalog/errors.js';
import type { CatalogModel } from '../../catalog/model.js';
import type { Checker } from '../../check/checker.js';
import type { FieldMapping } from '../../check/inputs/types.js';
import type { SarifRule } from '../../check/report/sarif.js';
import type { CheckSetting, Finding } from '../../check/types.js';
import { isRecord } from '../../utils/record.js';
import type { CliIO } from '../_io.js';
import { UsageError } from '../_io.js';

/** A `--config` file: the checks' levels, where log lines keep each field, the dialect, the body cap. */
export interface CheckFileConfig {
  readonly checks?: Readonly<Record<string, CheckSetting>>;
  readonly fields?: FieldMapping;
  readonly dialect?: string;
  /** The other dialects the server may answer in (true: any built-in one). */
  readonly negotiated?: boolean | readonly string[];
  readonly maxBodyBytes?: number;
}

export interface CheckSetup {
  readonly model: CatalogModel;
  /** The catalog as shown (relative to the working folder). */
  readonly catalogFile: string;
  readonly config: CheckFileConfig;
  readonly checker: Checker;
  /** The checks that run, for SARIF's rules. */
  readonly rules: readonly SarifRule[];
}

/** Reads a JSON or YAML file; a syntax error names the file, line and column. */
async function readDocument(file: string, cwd: string, what: string): Promise<unknown> {
  const { parseCatalogText, readSourceFile } = await import('../../catalog/load.js');
  try {
    const text = await readSourceFile(resolve(cwd, file), file);
    return parseCatalogText(text, extname(file).toLowerCase() === '.json' ? 'json' : 'yaml', file);
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    const first = e.issues[0];
    throw new UsageError(
      `${what} ${file}: ${first?.message.replace(/^(?:YAML|JSON) syntax error/, 'syntax error') ?? 'cannot be read'}`,
    );
  }
}

const FIELDS = ['status', 'headers', 'body', 'method', 'url', 'route', 'code'];

/** Reads and checks a `--config` file. */
export async function readCheckConfig(file: string, cwd: string): Promise<CheckFileConfig> {
  const doc = await readDocument(file, cwd, 'check config');
  const shape =
    '{ "checks": { "name": "off" | "warn" | "error" }, "fields": { "status": "res.statusCode" } }';
  if (!isRecord(doc)) throw new UsageError(`check config ${file}: must be an object: ${shape}`);
  for (const key of Object.keys(doc))
    if (!['checks', 'fields', 'dialect', 'negotiated', 'maxBodyBytes', '$schema'].includes(key))
      throw new UsageError(
        `check config ${file}: unknown field "${key}" (known: checks, fields, dialect, negotiated, maxBodyBytes)`,
      );
  if (doc.checks !== undefined && !isRecord(doc.checks))
    throw new UsageError(
      `check config ${file}: "checks" must be an object of check names to off, warn or error`,
    );
  if (doc.fields !== undefined) {
    if (!isRecord(doc.fields))
      throw new UsageError(`check config ${file}: "fields" must be an object: ${shape}`);
    for (const [k, v] of Object.entries(doc.fields)) {
      if (!FIELDS.includes(k))
        throw new UsageError(
          `check config ${file}: unknown field "fields.${k}" (known: ${FIELDS.join(', ')})`,
        );
      const ok = (p: unknown) => typeof p === 'string' && p !== '';
      if (!(ok(v) || (Array.isArray(v) && v.length > 0 && v.every(ok))))
        throw new UsageError(`check config ${file}: "fields.${k}" must be a dotted path or a list of them`);
    }
  }
  if (doc.dialect !== undefined && typeof doc.dialect !== 'string')
    throw new UsageError(`check config ${file}: "dialect" must be a dialect's name`);
  const negotiated = doc.negotiated;
  if (
    negotiated !== undefined &&
    typeof negotiated !== 'boolean' &&
    !(Array.isArray(negotiated) && negotiated.every((n) => typeof n === 'string'))
  )
    throw new UsageError(`check config ${file}: "negotiated" must be true or a list of dialect names`);
  const max = doc.maxBodyBytes;
  if (max !== undefined && !(typeof max === 'number' && Number.isInteger(max) && max > 0))
    throw new UsageError(`check config ${file}: "maxBodyBytes" must be a positive integer`);
  return doc as CheckFileConfig;
}

export interface SetupOptions {
  readonly catalog: string;
  readonly config?: string;
  readonly routes?: string;
}

/** Loads what a check needs; anything wrong with it is a usage error (exit 2). */
export async function setUpCheck(options: SetupOptions, io: CliIO): Promise<CheckSetup> {
  const [{ loadCatalog }, { createChecker, CheckConfigError, builtinChecks }, { configureChecks }] =
    await Promise.all([
      import('../../catalog/load.js'),
      import('../../check/index.js'),
      import('../../check/configure.js'),
    ]);
  const config = options.config === undefined ? {} : await readCheckConfig(options.config, io.cwd);
  const routes =
    options.routes === undefined ? undefined : await readDocument(options.routes, io.cwd, 'routes');
  if (routes !== undefined && !Array.isArray(routes) && !isRecord(routes))
    throw new UsageError(
      `routes ${options.routes}: must be [{method, path, errors: [ids]}] or {"GET /path": [ids]}`,
    );
  const model = await loadCatalog(options.catalog, { cwd: io.cwd });
  try {
    const checkConfig = { checks: config.checks ?? {} };
    const checker = createChecker(model, {
      config: checkConfig,
      ...(routes !== undefined && { routes: routes as never }),
      ...(config.dialect !== undefined && { dialect: config.dialect }),
      ...(config.negotiated !== undefined && { negotiated: config.negotiated }),
      // A body the reader keeps is one the checks read.
      ...(config.maxBodyBytes !== undefined && { maxBodyLength: config.maxBodyBytes }),
    });
    const rules = configureChecks(builtinChecks, checkConfig).map((c) => ({
      name: c.check.name,
      description: c.check.description,
      severity: c.severity,
    }));
    const catalogFile = relative(io.cwd, resolve(io.cwd, options.catalog)) || options.catalog;
    return { model, catalogFile, config, checker, rules };
  } catch (e) {
    if (e instanceof CheckConfigError)
      throw new UsageError(`check config: ${e.message.replace(/^errata: /, '')}`);
    if (e instanceof TypeError && options.routes !== undefined)
      throw new UsageError(`routes ${options.routes}: ${e.message.replace(/^errata: /, '')}`);
    throw e;
  }
}

/** An input problem as a finding of the `input` check. */
export function problemFinding(p: { file: string; line?: number; message: string; fatal: boolean }): Finding {
  return {
    check: 'input',
    severity: p.fatal ? 'error' : 'warn',
    message: p.message,
    source: { file: p.file, ...(p.line !== undefined && { line: p.line }) },
  };
}
