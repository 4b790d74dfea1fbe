// Child of bench/gates.ts: the baseline a gate decision is measured against. A bare node:http handler
// that answers POST /api/gate/decision with the same lookups as hand-written SQL on one pooled
// connection (the container's shipment, declaration status, seals and open alerts; the permit
// requirements' count), no authentication, no validation, no writes: what a reader's question costs at
// the least over HTTP.
//
//   node node_modules/tsx/dist/cli.mjs bench/serve-gate-baseline.ts <port>
import http from 'node:http';

import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const LOOKUP = `
SELECT s.id, s.status::text AS status, d.status::text AS declaration,
       ARRAY(SELECT x.identifier FROM shipment_seal x WHERE x.shipment_id = s.id) AS seals,
       (SELECT count(*) FROM tracking_alert a WHERE a.shipment_id = s.id AND a.acknowledged_at IS NULL)::int AS alerts,
       (SELECT count(*) FROM declaration_permit_requirement r WHERE r.declaration_id = d.id AND r.drawn_quantity IS NULL AND r.waived_at IS NULL)::int AS permits
  FROM shipment s JOIN declaration d ON d.id = s.declaration_id
 WHERE s.container_number = $1::bpchar ORDER BY s.created_at DESC LIMIT 1`;

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      const { containerNumber } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { containerNumber: string };
      const { rows } = await pool.query(LOOKUP, [containerNumber]);
      const r = rows[0];
      const open = !!r && r.declaration === 'RELEASED' && r.status !== 'TAMPER_SUSPECTED' && r.alerts === 0 && r.permits === 0;
      res.writeHead(r ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ decision: open ? 'OPEN' : 'HOLD' }));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => console.log('gate baseline ready'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => void pool.end().finally(() => process.exit(0))));
