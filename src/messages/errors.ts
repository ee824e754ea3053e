/**
 * A translators' file or a message table that cannot be read or written as asked: malformed, for
 * another catalog, naming entries the catalog has not. Its message says what and where.
 */
export class MessagesError extends Error {
  override readonly name = 'MessagesError';
}
