// errata/client: parse any supported dialect into one typed error, and fetch
// with safe retries. Runtime-neutral (fetch, Response, AbortSignal,
// TextDecoder); it imports only the catalog's types and its own universal
// reader of error bodies (a dialect's parser is bundled only when passed).

export {
  type BrandedClientError,
  type BrandedErrorClass,
  type ClientCatalog,
  type ClientEntry,
  type ClientErrorClass,
  type ClientErrorSubclasses,
  defineClientError,
} from './branded.js';
export {
  type BrandedClientOptions,
  type ClientCode,
  type ClientDetails,
  type ClientErrorOf,
  type ClientHeaders,
  type ClientOptions,
  type ClientRequestInit,
  createClient,
  type DialectLike,
  type ErrataClient,
  type ResponseLike,
  type RetryInfo,
  type RetryOptions,
} from './client.js';
export {
  type ClientErrorFields,
  type ClientErrorInit,
  type ClientErrorItem,
  ErrataClientError,
  type HeaderGetter,
  isErrataClientError,
} from './error.js';
