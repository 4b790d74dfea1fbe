// The latest version of each declaration's control result (a correction replaces the first result):
// the one the risk dashboard's figures count, written once for its queries.
export const LATEST_CONTROL_RESULTS = `(SELECT DISTINCT ON (declaration_id) declaration_id, outcome, additional_duties, recorded_at
     FROM control_result ORDER BY declaration_id, version DESC)`;

/** A page size for the dashboard's lists: a whole number from 1 to `max`, else `fallback`. */
export function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  return Number.isInteger(limit) && limit! >= 1 ? Math.min(limit!, max) : fallback;
}
