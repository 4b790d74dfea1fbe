/** pg-pool's error when every connection stayed busy for its connectionTimeoutMillis (lib/db.ts): overload, answered 503. */
export function isPoolExhausted(error: unknown): boolean {
  return error instanceof Error && error.message === 'timeout exceeded when trying to connect';
}
