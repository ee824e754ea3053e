/** A check configuration that cannot be applied: an unknown check, a bad severity or bad options. */
export class CheckConfigError extends Error {
  override readonly name = 'CheckConfigError';
}
