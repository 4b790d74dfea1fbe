/**
 * pg-pool's errors when it found no connection within its connectionTimeoutMillis (lib/db.ts): every
 * connection stayed busy, or a new one took longer to open (a database too loaded to accept it in time).
 * Overload, not a fault: answered 503 with Retry-After.
 */
export function isPoolExhausted(error: unknown): boolean {
  return error instanceof Error && (error.message === 'timeout exceeded when trying to connect' || error.message === 'Connection terminated due to connection timeout');
}
