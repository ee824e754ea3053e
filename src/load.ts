// errata/load: reading catalog files (Node only).
export { type GenerateTypesOptions, generateTypes, schemaToType } from './catalog/codegen.js';
export {
  catalogJsonSchema,
  loadCatalog,
  normalizeDocument,
  parseCatalogText,
  validateCatalogDocument,
} from './catalog/load.js';
