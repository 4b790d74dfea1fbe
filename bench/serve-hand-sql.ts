// Baseline of bench/api-reads.ts: a bare Node HTTP server that answers each read shape with ONE
// hand-written SQL statement building the same JSON the product's GraphQL answer has (PostgreSQL's
// json_build_object, in the selection's key order), sent as the database returns it. No GraphQL, no
// session (the trader's company id is given at start), no limits, no logging: the floor.
//
//   node node_modules/tsx/dist/cli.mjs bench/serve-hand-sql.ts <port> <companyId>   (DATABASE_URL from the environment)
import http from 'node:http';

import pg from 'pg';

const port = Number(process.argv[2]);
const companyId = process.argv[3]!;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

// declarationVisibilitySql's 'party' rule (lib/auth/policy.ts), written out.
const VISIBLE = `(d.declarant_id = $1::uuid OR d.representative_id = $1::uuid
   OR (d.type IN ('IM', 'CO') AND d.importer_id = $1::uuid) OR (d.type = 'EX' AND d.exporter_id = $1::uuid)
   OR (d.status <> 'DRAFT' AND (d.importer_id = $1::uuid OR d.exporter_id = $1::uuid)))`;

/** The statement for a shape: totalCount (capped at 10,000 like the product), the page's nodes, and what the shape adds. */
function statement(shape: string): string {
  const items = `, 'items', (SELECT coalesce(json_agg(json_build_object('commodityCode', g.commodity_code) ORDER BY g.sequence), '[]'::json) FROM goods_item g WHERE g.declaration_id = p.id)`;
  const declarant = `, 'declarant', (SELECT json_build_object('eori', c.eori, 'name', c.name) FROM company c WHERE c.id = p.declarant_id)`;
  const extra = shape === 'count' ? '' : shape === 'items' ? items : items + declarant;
  return `WITH page AS (SELECT d.id, d.lrn, d.status, d.declarant_id, d.created_at FROM declaration d WHERE ${VISIBLE} ORDER BY d.created_at DESC, d.id DESC LIMIT 20)
    SELECT json_build_object('data', json_build_object('declarations', json_build_object(
      'totalCount', (SELECT count(*) FROM (SELECT 1 FROM declaration d WHERE ${VISIBLE} LIMIT 10000) x),
      'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object('id', p.id, 'lrn', p.lrn, 'status', p.status${extra})) ORDER BY p.created_at DESC, p.id DESC) FROM page p), '[]'::json))))::text AS body`;
}
const STATEMENTS: Record<string, string> = { count: statement('count'), items: statement('items'), declarant: statement('declarant') };

const server = http.createServer((req, res) => {
  const sql = STATEMENTS[(req.url ?? '/').slice(1)];
  req.resume();
  req.on('end', () => {
    if (!sql) {
      res.statusCode = 404;
      res.end();
      return;
    }
    pool.query<{ body: string }>({ name: req.url!, text: sql, values: [companyId] }).then(
      ({ rows }) => {
        res.setHeader('content-type', 'application/json');
        res.end(rows[0]!.body);
      },
      (error: Error) => {
        res.statusCode = 500;
        res.end(error.message);
      },
    );
  });
});
server.listen(port, '127.0.0.1', () => console.log(`hand-sql ready at http://127.0.0.1:${port}/`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void pool.end().finally(() => process.exit(0)));
