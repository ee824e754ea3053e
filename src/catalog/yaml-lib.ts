// The `yaml` package, loaded the first time a text needs it: most catalogs never do (js-yaml
// reads them: yaml-fast.ts), and loading it is a large part of a CLI run's start-up.
// Its Node build is CommonJS, so `require` loads it synchronously, the same module `import` gives.
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

let loaded: Yaml | undefined;

/** The `yaml` package's exports, loaded on first use. */
export function yamlLib(): Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as Yaml;
  return loaded;
}
