// The server core: runtime-neutral, shared by every adapter.
export { builtin, type FailureKind, failures } from './builtin.js';
export { UndeclaredError } from './errors.js';
export { createNegotiator } from './negotiate.js';
export {
  createResponder,
  type DialectChooser,
  type EntryId,
  type ErrorEvent,
  type ErrorEventKind,
  type ErrorHook,
  type ErrorLogger,
  type LocalizedResponse,
  type Localizer,
  type RequestContext,
  type Responder,
  type RouteDeclaration,
  type ServerOptions,
} from './respond.js';
export { type ToResponseContext, toResponse, toWire, wireResponse } from './response.js';
export { toPointer, toViolations, validate } from './validate.js';
