// js-yaml reads catalogs' YAML: a well-kept YAML 1.2 parser (core schema, with
// merge keys as `yaml` is set to read them) that loads as one module, several
// times faster than `yaml` (about 40 against 300 ms on a busy machine; loading
// `yaml` was most of a CLI run's start-up). `yaml` stays for what js-yaml
// cannot do as errata needs (parse-text.ts): texts with anchors and aliases
// (it bounds what they expand to, where js-yaml leaves a shared value that
// grows when copied), errors (their wording, line and column are `yaml`'s),
// and placing a rejected catalog's problems (place.ts). On catalogs the two
// read alike (yaml-fast.test.ts compares them on generated documents); on
// scalars no catalog holds (a key `Null`, `-0`, `x#c` with no space before
// the `#`) js-yaml's reading is the one used.
import * as jsYaml from 'js-yaml';

// js-yaml exports its types (`types.merge`), which @types/js-yaml does not declare.
const { types } = jsYaml as typeof jsYaml & { readonly types: { readonly merge: jsYaml.Type } };
const SCHEMA = jsYaml.CORE_SCHEMA.extend({ implicit: [types.merge] });

/**
 * What `yaml` reads instead: an anchor (`&a`) or an alias (`*a`) where a node
 * may start, and a sequence item with nothing after its dash on its line
 * (js-yaml 4 misreads the items after an empty one, found by yaml-fast.test.ts).
 */
const FOR_YAML = /(?:^|[\s[{,:?-])[&*][^\s[\]{},]|^[ \t]*-[ \t]*(?:#.*)?\r?$/m;

/**
 * The value of a YAML text as js-yaml reads it, or `undefined` when `yaml`
 * must read it: an anchor, an alias or an empty sequence item in it, or any error (a duplicate key
 * included), which `yaml` then reports with its place.
 */
export function readYamlFast(text: string): { readonly value: unknown } | undefined {
  if (FOR_YAML.test(text)) return undefined;
  try {
    // `json: false`: a duplicate key is an error. A document of comments only is null, as in `yaml`.
    return { value: jsYaml.load(text, { schema: SCHEMA, json: false }) ?? null };
  } catch {
    return undefined;
  }
}
