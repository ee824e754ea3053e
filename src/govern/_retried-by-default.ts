/**
 * Whether some widely used client retries a status when nobody tells it:
 * errata's client retries 408, 429 and 5xx but 501, the OpenAI SDK 408, 409,
 * 429 and 5xx, stripe-node 409 and 5xx; none retries another 4xx. What a
 * catalog that does not state `retry` leaves to them, so what lint and diff
 * weigh a statement against.
 */
export const retriedByDefault = (status: number): boolean =>
  status === 408 || status === 409 || status === 429 || status >= 500;
