// The example responses of the HTML reference, packed for its data block.
// Examples of one dialect share most of their lines (the status line, the
// headers, the envelope's members), so each example is kept as a list of
// pieces: a number names a run of lines that several examples share (kept
// once in `shared`), a string is text of its own. The page script joins the
// pieces with newlines: `shared[n]` for a number, the string itself else.
// An example's own id (its `code` member, its `type` fragment) is written as
// the page's `mark`, a private-use character none of the examples has, so
// that those lines are shared too; the script puts the id back. A 5,000-entry
// page carries its examples in about a tenth of their text.

export interface PackedExamples {
  /** Stands for each example's id: a character no example has (`null`: the ids are not marked). */
  readonly mark: string | null;
  /** Runs of lines found in more than one example, each kept once. */
  readonly shared: string[];
  /** Each example, in the order given: its pieces, joined by newlines. */
  readonly examples: (number | string)[][];
}

/** The first private-use character that none of the texts has. */
function freeMark(texts: readonly string[]): string | null {
  for (let code = 0xe000; code <= 0xf8ff; code++) {
    const mark = String.fromCharCode(code);
    if (!texts.some((t) => t.includes(mark))) return mark;
  }
  return null;
}

/**
 * Packs example texts: each one's id (`ids[i]`) becomes the mark, then runs of
 * shared lines become numbers into `shared`, the rest stays text.
 */
export function packExamples(texts: readonly string[], ids: readonly string[]): PackedExamples {
  const mark = freeMark(texts);
  const lines = texts.map((t, i) => {
    const id = ids[i] ?? '';
    return (mark !== null && id !== '' ? t.split(id).join(mark) : t).split('\n');
  });
  const lineUses = new Map<string, number>();
  for (const list of lines) for (const line of list) lineUses.set(line, (lineUses.get(line) ?? 0) + 1);
  // Each example as runs of consecutive lines that are all shared, or all its own.
  const runs = lines.map((list) => {
    const out: { text: string; shared: boolean }[] = [];
    for (const line of list) {
      const shared = (lineUses.get(line) ?? 0) > 1;
      const last = out.at(-1);
      if (last && last.shared === shared) last.text += `\n${line}`;
      else out.push({ text: line, shared });
    }
    return out;
  });
  const runUses = new Map<string, number>();
  for (const list of runs)
    for (const r of list) if (r.shared) runUses.set(r.text, (runUses.get(r.text) ?? 0) + 1);
  const shared: string[] = [];
  const index = new Map<string, number>();
  const examples = runs.map((list) => {
    const pieces: (number | string)[] = [];
    for (const r of list) {
      if (r.shared && (runUses.get(r.text) ?? 0) > 1) {
        let n = index.get(r.text);
        if (n === undefined) {
          n = shared.push(r.text) - 1;
          index.set(r.text, n);
        }
        pieces.push(n);
      } else if (typeof pieces.at(-1) === 'string') pieces[pieces.length - 1] += `\n${r.text}`;
      else pieces.push(r.text);
    }
    return pieces;
  });
  return { mark, shared, examples };
}

/** The text of a packed example, as the page script rebuilds it. */
export function unpackExample(packed: PackedExamples, i: number, id: string): string {
  const text = (packed.examples[i] ?? [])
    .map((p) => (typeof p === 'number' ? packed.shared[p] : p))
    .join('\n');
  return packed.mark === null ? text : text.split(packed.mark).join(id);
}
