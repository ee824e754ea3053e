// What an entry sends where a dialect has a wire fact of its own: the value the
// entry states (`wire`), else the one its HTTP status gives. The dialects send
// these; `errata diff` compares them, so both read the same rule.

import type { EntryModel, GoogleStatus, StripeErrorType } from './model.js';

/** The canonical google.rpc.Code names an error may carry (every one but `OK`), in the order of their numbers. */
export const GOOGLE_STATUSES: readonly GoogleStatus[] = [
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'UNAUTHENTICATED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
];

/** The error `type`s Stripe's API reference documents. */
export const STRIPE_ERROR_TYPES: readonly StripeErrorType[] = [
  'api_error',
  'card_error',
  'idempotency_error',
  'invalid_request_error',
];

/** The canonical gRPC status name (google.rpc.Code) that AIP-193 pairs with an HTTP status. */
export function grpcStatus(status: number): GoogleStatus {
  switch (status) {
    case 400:
    case 422:
      return 'INVALID_ARGUMENT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'PERMISSION_DENIED';
    case 404:
    case 410:
      return 'NOT_FOUND';
    case 408:
    case 504:
      return 'DEADLINE_EXCEEDED';
    case 409:
      return 'ABORTED';
    case 412:
      return 'FAILED_PRECONDITION';
    case 416:
      return 'OUT_OF_RANGE';
    case 429:
      return 'RESOURCE_EXHAUSTED';
    case 499:
      return 'CANCELLED';
    case 501:
      return 'UNIMPLEMENTED';
    case 502:
    case 503:
      return 'UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION';
  }
}

/** The AIP-193 `status` an entry is sent with: the one it states, else its HTTP status's. */
export function googleStatusOf(entry: EntryModel): GoogleStatus {
  return entry.wire?.google?.status ?? grpcStatus(entry.status);
}

/** Stripe's error `type` an entry is sent with: the one it states, else `api_error` at 5xx and `invalid_request_error` below. */
export function stripeTypeOf(entry: EntryModel): StripeErrorType {
  return entry.wire?.stripe?.type ?? (entry.status >= 500 ? 'api_error' : 'invalid_request_error');
}

/** Stripe's `doc_url` of an entry: the one it states, else its reference URL (`typeUri`), else none. */
export function stripeDocUrlOf(entry: EntryModel, typeUri: string | undefined): string | undefined {
  return entry.wire?.stripe?.docUrl ?? typeUri;
}
