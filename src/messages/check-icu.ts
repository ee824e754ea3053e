// Whether a message is ICU MessageFormat the engine can render, by the engine's own parser.
import { parse } from '@formatjs/icu-messageformat-parser';
import type { MessageTable, TableMessage } from './table.js';

/** The parser's complaint about `text`, `undefined` when it is valid ICU MessageFormat. */
export function icuProblem(text: string): string | undefined {
  try {
    // As the formatter reads it: tags are text.
    parse(text, { ignoreTag: true });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Each message of a table that does not parse, as `<id> (<locale>): <complaint>`. */
export function tableProblems(table: MessageTable): string[] {
  const out: string[] = [];
  for (const value of Object.values(table.codes))
    for (const m of (Array.isArray(value) ? value : [value]) as TableMessage[]) {
      if (m.message === undefined) continue;
      const problem = icuProblem(m.message);
      if (problem !== undefined)
        out.push(
          `${m.id} (${m.messageLocale ?? table.locale}): its message is not valid ICU MessageFormat: ${problem}`,
        );
    }
  return out;
}
