// The SQL of the clearance statistics (WCO Time Release Study method: time from lodgement to release),
// over the status history as summarised per declaration in declaration_clearance (first submission =
// lodgement, first release; a trigger on the history keeps it in the status change's transaction): one
// indexed range read by release time instead of a search of the history per release. One statement computes count, median, 90th
// percentile and the distribution for the whole period and per lane, office, procedure and week
// (GROUPING SETS over one scan), the share of lodged declarations per lane, and customs queries with
// their answer times. `scope` narrows it to the declarations a trader may see (their own figures).

/** Upper bounds (hours) of the distribution's buckets; the last bucket is open. */
export const BUCKETS_HOURS = [1, 4, 24, 72] as const;

export function clearanceSql(scope: string): string {
  const buckets = [
    `count(*) FILTER (WHERE hours < ${BUCKETS_HOURS[0]})`,
    ...BUCKETS_HOURS.slice(1).map((b, i) => `count(*) FILTER (WHERE hours >= ${BUCKETS_HOURS[i]} AND hours < ${b})`),
    `count(*) FILTER (WHERE hours >= ${BUCKETS_HOURS.at(-1)})`,
  ];
  return `
WITH released AS (
  SELECT d.lane::text AS lane, COALESCE(d.office_of_declaration, d.office_of_entry, d.office_of_exit) AS office,
         d.procedure_code AS procedure, to_char(date_trunc('week', c.released_at AT TIME ZONE 'UTC'), 'IYYY-"W"IW') AS week,
         extract(epoch FROM c.released_at - c.lodged_at) / 3600.0 AS hours
    FROM declaration_clearance c
    JOIN declaration d ON d.id = c.declaration_id
   WHERE c.released_at >= $1 AND c.released_at < $2 AND c.lodged_at <= c.released_at AND (${scope})
),
release_figures AS (
  SELECT CASE WHEN grouping(lane) = 0 THEN 'LANE' WHEN grouping(office) = 0 THEN 'OFFICE' WHEN grouping(procedure) = 0 THEN 'PROCEDURE'
              WHEN grouping(week) = 0 THEN 'WEEK' ELSE 'ALL' END AS dimension,
         COALESCE(lane, office, procedure, week) AS key,
         count(*)::int AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90,
         ARRAY[${buckets.map((b) => `${b}::int`).join(', ')}] AS buckets
    FROM released
   GROUP BY GROUPING SETS ((), (lane), (office), (procedure), (week))
),
lodged AS (
  SELECT COALESCE(d.lane::text, 'NONE') AS key, count(*)::int AS n
    FROM declaration_clearance c JOIN declaration d ON d.id = c.declaration_id
   WHERE c.lodged_at >= $1 AND c.lodged_at < $2 AND (${scope})
   GROUP BY 1
),
queries AS (
  SELECT count(*)::int AS n, count(q.answered_at)::int AS answered,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM q.answered_at - q.asked_at) / 3600.0) AS median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM q.answered_at - q.asked_at) / 3600.0) AS p90
    FROM declaration_query q JOIN declaration d ON d.id = q.declaration_id
   WHERE q.asked_at >= $1 AND q.asked_at < $2 AND (${scope})
)
SELECT 'RELEASE' AS part, dimension, key, n, median, p90, buckets, NULL::int AS answered FROM release_figures
UNION ALL SELECT 'LODGED', 'LANE', key, n, NULL, NULL, NULL, NULL FROM lodged
UNION ALL SELECT 'QUERIES', 'ALL', NULL, n, median, p90, NULL, answered FROM queries`;
}
