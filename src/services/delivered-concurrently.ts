/**
 * Another delivery of the same event is doing this work right now (it won the reply claim): this one stops and
 * leaves everything to it, writing nothing — not counted as a failed attempt.
 */
export class DeliveredConcurrentlyError extends Error {
  override name = 'DeliveredConcurrentlyError';
}
