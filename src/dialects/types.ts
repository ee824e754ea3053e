import type { ErrataError, Violation } from '../error.js';

/** What an error looks like on the wire. */
export interface WireError {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** The serialized body. */
  readonly body: string;
}

export interface SerializeContext {
  /** Request id to send; overrides the error's own. */
  readonly requestId?: string;
  /** RFC 9457 `instance`: a URI for this occurrence (often the request path). */
  readonly instance?: string;
  /** Clock for dialects that send a timestamp. @default new Date() */
  readonly now?: () => Date;
  /**
   * The request's headers, for a dialect whose answer depends on the request
   * (`supabase` picks its envelope by `X-Supabase-Api-Version`, `azure` echoes
   * `x-ms-client-request-id`). A responder passes them; a fetch `Headers` fits.
   */
  readonly requestHeaders?: HeaderReader;
  /**
   * The caller's language, when the responder localizes (`errata/i18n`): the texts of each error
   * of the response in it. A dialect writes them through `publicMessage(error, context)` and
   * `publicTitle(error, context)`; without it, the catalog's own text is sent.
   */
  readonly localized?: Localized;
}

/** An error's texts in the caller's language: what a dialect writes instead of the catalog's own. */
export interface LocalizedTexts {
  /** The language `message` is in after fallback (`fr` for a `fr-CA` caller without a `fr-CA` text). */
  readonly locale: string;
  /** The entry's title in that language (else its own); `undefined` when the entry has none. */
  readonly title: string | undefined;
  /** The message the caller may see, masked as `publicMessage` masks, in `locale`. */
  readonly message: string;
  /**
   * A place for a dialect to keep what it serializes of this entry in this language (its part
   * with the translated title), as the definition's `cache` keeps the source language's.
   */
  readonly parts?: Record<string, unknown>;
}

/** The language chosen for one response, and its errors' texts in it. */
export interface Localized {
  /** The catalog language chosen for the request (a BCP 47 tag as the catalog writes it). */
  readonly locale: string;
  /** The texts of `error` (the one answered, or one of its `also`) in that language. */
  texts(error: ErrataError): LocalizedTexts;
}

/** Response headers as a dialect's parser sees them (a fetch `Headers` fits). */
export interface HeaderReader {
  get(name: string): string | null;
}

export interface ParseInput {
  readonly status: number;
  readonly headers: HeaderReader;
}

/** An error read back from the wire: what every dialect's parser produces. */
export interface ParsedError {
  /** Name of the dialect that recognised the body. */
  readonly dialect: string;
  readonly status: number;
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly title?: string;
  readonly type?: string;
  readonly details?: unknown;
  readonly requestId?: string;
  readonly violations?: readonly Violation[];
  /** What the response says of retrying (`undefined`: it says nothing). */
  readonly retryable?: boolean;
  /** The delay it asks for before the next attempt, in whole ms. */
  readonly retryAfterMs?: number;
  /** The back-off it states (a problem's `retry` member): the first window, its cap, in ms. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** The most attempts it allows, the first included. */
  readonly maxAttempts?: number;
}

/**
 * A wire format: it serializes an {@link ErrataError} and parses a response
 * back. Each built-in one has its folder (`src/dialects/<name>/`) and its line
 * in `registry.ts`; user-defined dialects implement the same interface.
 */
export interface Dialect {
  readonly name: string;
  /** The media type of the body. */
  readonly contentType: string;
  serialize(error: ErrataError, context?: SerializeContext): WireError;
  /**
   * Reads an already JSON-parsed body. Returns `undefined` when the body is not
   * of this dialect. Must never throw, whatever the body holds.
   */
  parse(body: unknown, input: ParseInput): ParsedError | undefined;
}
