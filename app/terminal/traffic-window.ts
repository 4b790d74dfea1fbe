/** The terminal page shows the last 12 hours: a shift and a half. */
export const TRAFFIC_WINDOW_HOURS = 12;

export function trafficWindowStart(now = Date.now()): Date {
  return new Date(now - TRAFFIC_WINDOW_HOURS * 3600_000);
}
