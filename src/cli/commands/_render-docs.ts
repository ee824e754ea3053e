// The docs generators, imported by `errata docs` and `errata openapi` when they run (not at start-up).

import { exportContract } from '../../catalog/export.js';
import type { CatalogModel } from '../../catalog/model.js';
import type { ChangelogInput } from '../../docs/changelog.js';
import { renderHtml } from '../../docs/html.js';
import { renderJsonSchema } from '../../docs/json-schema.js';
import { renderLlms } from '../../docs/llms.js';
import { renderMarkdown } from '../../docs/markdown.js';
import { renderOpenApi } from '../../docs/openapi.js';
import {
  buildReference,
  type DocsOptions,
  resolveDocsDialect,
  UnknownDialectError,
} from '../../docs/reference.js';
import { UsageError } from '../_io.js';

/** The reference formats of `errata docs`. */
export type DocsFormat = 'md' | 'html' | 'openapi' | 'json' | 'llms' | 'json-schema';

/** Renders a model in one format (with its git history's Changes, `--changelog`); a bad `--dialect` is a usage error. */
export function renderDocs(
  model: CatalogModel,
  format: DocsFormat,
  dialect: string | undefined,
  step: (phase: string) => void = () => {},
  history?: ChangelogInput,
  page: Pick<DocsOptions, 'locale' | 'alternates'> = {},
): { text: string; note: string | undefined } {
  let ref: ReturnType<typeof buildReference>;
  // `--dialect problem,google`: the HTML page shows each example in both, a tab each, problem first.
  const [first, ...others] = dialect === undefined ? [undefined] : dialect.split(',').map((d) => d.trim());
  if (others.length > 0 && format !== 'html')
    throw new UsageError(
      `--dialect: several dialects (${dialect}) are for --format html, which shows a tab each; give one`,
    );
  const more: ReturnType<typeof buildReference>[] = [];
  try {
    // The JSON export has no examples, but a misspelt --dialect is still a mistake to report.
    if (format === 'json') {
      if (first !== undefined) resolveDocsDialect(model, { dialect: first });
      return { text: exportContract(model), note: undefined };
    }
    const options = { ...(history !== undefined && { history }), ...page };
    ref = buildReference(model, { ...(first !== undefined && { dialect: first }), ...options });
    for (const d of others) more.push(buildReference(model, { dialect: d, ...options }));
  } catch (e) {
    if (e instanceof UnknownDialectError) throw new UsageError(`--dialect: ${e.message}`);
    throw e;
  }
  step(`built ${ref.entries.length} examples in the ${ref.dialect.name} format`);
  const text =
    format === 'md'
      ? renderMarkdown(ref)
      : format === 'html'
        ? renderHtml(ref, more)
        : format === 'llms'
          ? renderLlms(ref)
          : `${JSON.stringify(format === 'json-schema' ? renderJsonSchema(ref) : renderOpenApi(ref), null, 2)}\n`;
  step(`rendered ${format}`);
  return { text, note: ref.dialectNote };
}
