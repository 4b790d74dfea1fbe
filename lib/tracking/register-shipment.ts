// Registering a shipment: a declared container, its seals and its planned route, so that seal events
// for the container can be checked (seal numbers against the declaration, openings against the route),
// and who may report those events besides the declarant and customs: the gateway device of an e-seal
// (`seals[].deviceId`) and carrier, terminal or shipper companies (`reporters`), as shipment_reporter rows.
// The declarant (or its broker, while the client's grant is valid) or a customs officer registers it.
import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertCanFileDeclaration, assertScope, canReadDeclaration, isOfficer, type DeclarationParties } from '../auth/policy';
import { recordAudit } from '../audit';
import { UN_LOCODE } from '../declarations/codes';
import { sqlTransaction, type Sql } from '../database/sql';
import { AppError, type FieldError } from '../errors';
import { SealSource } from '../generated/prisma/enums';
import { parseInput, throwFieldErrors } from '../validation';
import { containerProblem, eSealId, normalizeSealNumber } from './identifiers';
import { findUnLocode } from './find-un-locode';

/** The radius of a route place when none is given: a port or an inland depot with its approaches. */
const DEFAULT_RADIUS_KM = 10;

const place = z.object({
  locode: z.string().trim().toUpperCase().regex(UN_LOCODE, 'Use a UN/LOCODE, e.g. NLRTM.'),
  /** Needed for places not in lib/tracking/find-un-locode.ts. */
  name: z.string().trim().min(1).max(100).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  radiusKm: z.number().positive().max(500, 'A radius is at most 500 km.').optional(),
});

const ESEAL_PART = /^[A-Za-z0-9._-]+$/;

const sealWire = z.object({
  type: z.enum(['MECHANICAL', 'ELECTRONIC']),
  source: z.enum(SealSource),
  number: z.string().optional(),
  sealClass: z.string().optional(),
  manufacturer: z.string().optional(),
  serial: z.string().optional(),
  deviceId: z.string().optional(),
});

const registerShipmentInput = z.object({
  declarationId: z.string().trim(),
  containerNumber: z.string().trim().toUpperCase(),
  /** Default: the declaration's seal numbers for the container, as class H mechanical seals applied by the shipper. */
  seals: z
    .array(
      // Transports send one flat shape (GraphQL inputs have no unions); its type says which fields count.
      sealWire.pipe(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('MECHANICAL'), number: z.string().trim().min(1).max(35), sealClass: z.enum(['H', 'S', 'I']).default('H'), source: z.enum(SealSource) }),
          z.object({
            type: z.literal('ELECTRONIC'),
            manufacturer: z.string().trim().min(1).max(35).regex(ESEAL_PART),
            serial: z.string().trim().min(1).max(40).regex(ESEAL_PART),
            source: z.enum(SealSource),
            /** The signed gateway (seal_device) that reports for this e-seal: it becomes a reporter of the shipment. */
            deviceId: z.string().uuid('deviceId is the id of a registered seal device.').optional(),
          }),
        ]),
      ),
    )
    .max(10)
    .optional(),
  /** Companies whose gateways (any events:write token or signed device of theirs) may report for the journey. */
  reporters: z
    .array(z.object({ companyEori: z.string().trim().toUpperCase().min(1).max(17), role: z.enum(['CARRIER', 'SHIPPER', 'TERMINAL']) }))
    .max(20)
    .default([]),
  route: z.object({
    origin: place,
    destination: place,
    /** Where the container may be opened (inspection, transhipment, stripping), besides the destination. */
    authorizedOpenings: z.array(place).max(20).default([]),
    waypoints: z.array(place).max(50).default([]),
  }),
});
export type RegisterShipmentInput = z.input<typeof registerShipmentInput>;

type Role = 'ORIGIN' | 'WAYPOINT' | 'AUTHORIZED_OPENING' | 'DESTINATION';

export async function registerShipment(options: { actor: Actor; input: RegisterShipmentInput; requestId?: string }): Promise<{ id: string }> {
  const { actor } = options;
  const input = parseInput(registerShipmentInput, options.input);
  if (!isOfficer(actor)) assertScope(actor, 'declarations:write');

  const errors: FieldError[] = [];
  const problem = containerProblem(input.containerNumber);
  if (problem) errors.push({ path: ['containerNumber'], code: 'INVALID', message: problem });
  const stops: { role: Role; locode: string; name: string; latitude: number; longitude: number; radiusKm: number }[] = [];
  const addStop = (role: Role, p: z.output<typeof place>, path: string[]) => {
    const known = findUnLocode(p.locode);
    const latitude = p.latitude ?? known?.latitude;
    const longitude = p.longitude ?? known?.longitude;
    if (latitude === undefined || longitude === undefined) {
      errors.push({ path, code: 'UNKNOWN', message: `${p.locode} is not in Clearway's UN/LOCODE table yet: give its latitude and longitude.` });
      return;
    }
    stops.push({ role, locode: p.locode, name: p.name ?? known?.name ?? p.locode, latitude, longitude, radiusKm: p.radiusKm ?? DEFAULT_RADIUS_KM });
  };
  addStop('ORIGIN', input.route.origin, ['route', 'origin']);
  input.route.waypoints.forEach((p, i) => addStop('WAYPOINT', p, ['route', 'waypoints', String(i)]));
  input.route.authorizedOpenings.forEach((p, i) => addStop('AUTHORIZED_OPENING', p, ['route', 'authorizedOpenings', String(i)]));
  addStop('DESTINATION', input.route.destination, ['route', 'destination']);
  throwFieldErrors(errors);

  return sqlTransaction(async (sql) => {
    const [d] = /^[0-9a-f-]{36}$/i.test(input.declarationId)
      ? await sql<DeclarationParties & { id: string; lrn: string; status: string }>(
          `SELECT id, lrn, status::text AS status, type::text AS type, declarant_id AS "declarantId", importer_id AS "importerId",
                  exporter_id AS "exporterId", representative_id AS "representativeId"
             FROM declaration WHERE id = $1::uuid FOR SHARE`,
          [input.declarationId],
        )
      : [];
    if (!d || !canReadDeclaration(actor, d)) throw new AppError('NOT_FOUND', `No declaration ${input.declarationId} that you can see.`);
    if (!isOfficer(actor)) assertCanFileDeclaration(actor, d);
    if (d.status === 'REJECTED' || d.status === 'CANCELLED') throw new AppError('CONFLICT', `Declaration ${d.lrn} is ${d.status}: its containers are not tracked.`, { status: d.status });

    const [equipment] = await sql<{ seals: string[] | null }>(`SELECT seals FROM transport_equipment WHERE declaration_id = $1::uuid AND container_number = $2`, [d.id, input.containerNumber]);
    if (!equipment) {
      throwFieldErrors([{ path: ['containerNumber'], code: 'MISMATCH', message: `Container ${input.containerNumber} is not on declaration ${d.lrn}.` }]);
    }
    const declared = (equipment!.seals ?? []).map(normalizeSealNumber);
    const seals = input.seals ?? declared.map((number) => ({ type: 'MECHANICAL' as const, number, sealClass: 'H' as const, source: 'SHIPPER' as const }));
    throwFieldErrors(
      seals.flatMap((s, i) =>
        s.type === 'MECHANICAL' && !declared.includes(normalizeSealNumber(s.number))
          ? [{ path: ['seals', String(i), 'number'], code: 'MISMATCH', message: `Seal ${s.number} is not declared on container ${input.containerNumber} (declared: ${declared.join(', ') || 'none'}).` }]
          : [],
      ),
    );

    const reporters = await authorisedReporters(sql, input, seals);

    // One open journey per container: events are routed to it by container number alone.
    await sql(`SELECT pg_advisory_xact_lock(hashtext('shipment:' || $1))`, [input.containerNumber]);
    const [open] = await sql(`SELECT 1 FROM shipment WHERE container_number = $1 AND closed_at IS NULL`, [input.containerNumber]);
    if (open) throw new AppError('CONFLICT', `Container ${input.containerNumber} is already on an open shipment; it closes when the seal is removed at its destination.`);

    const id = randomUUID();
    await sql(
      `WITH s AS (
         INSERT INTO shipment (id, declaration_id, container_number, origin_locode, destination_locode, created_by_id)
         VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::uuid)),
       seals AS (
         INSERT INTO shipment_seal (id, shipment_id, type, identifier, seal_class, manufacturer, serial, source)
         SELECT gen_random_uuid(), $1::uuid, x.t::seal_type, x.i, x.c, x.m, x.n, x.so::seal_source
           FROM json_to_recordset($7::json) AS x(t text, i text, c text, m text, n text, so text)),
       stops AS (
         INSERT INTO route_stop (id, shipment_id, sequence, role, locode, name, latitude, longitude, radius_km)
         SELECT gen_random_uuid(), $1::uuid, r.n, r.role::route_stop_role, r.locode, r.name, r.latitude, r.longitude, r."radiusKm"
           FROM json_to_recordset($8::json) AS r(n int, role text, locode text, name text, latitude float8, longitude float8, "radiusKm" float8)),
       reporters AS (
         INSERT INTO shipment_reporter (id, shipment_id, company_id, device_id, role, created_by_id)
         SELECT gen_random_uuid(), $1::uuid, x.c, x.d, x.r::seal_source, $6::uuid FROM json_to_recordset($9::json) AS x(c uuid, d uuid, r text))
       SELECT 1`,
      [
        id,
        d.id,
        input.containerNumber,
        input.route.origin.locode,
        input.route.destination.locode,
        actor.userId,
        JSON.stringify([
          // A seal given twice is one seal.
          ...new Map(
            seals.map((s) => {
              const row =
                s.type === 'MECHANICAL'
                  ? { t: s.type, i: normalizeSealNumber(s.number), c: s.sealClass, m: null, n: null, so: s.source }
                  : { t: s.type, i: eSealId(s.manufacturer, s.serial), c: null, m: s.manufacturer.toUpperCase(), n: s.serial.toUpperCase(), so: s.source };
              return [row.i, row] as const;
            }),
          ).values(),
        ]),
        JSON.stringify(stops.map((s, n) => ({ ...s, n: n + 1 }))),
        JSON.stringify(reporters.map((r) => ({ c: r.companyId, d: r.deviceId, r: r.role }))),
      ],
    );
    await recordAudit(sql, {
      actor,
      action: 'shipment.register',
      targetType: 'shipment',
      targetId: id,
      requestId: options.requestId,
      details: {
        declarationId: d.id,
        containerNumber: input.containerNumber,
        origin: input.route.origin.locode,
        destination: input.route.destination.locode,
        reporters: reporters.map((r) => ({ companyId: r.companyId, deviceId: r.deviceId, role: r.role })),
      },
    });
    return { id };
  });
}

type Reporter = { companyId: string; deviceId: string | null; role: SealSource };

/**
 * The shipment_reporter rows the input asks for: each named company (by EORI), and each e-seal's
 * device (its company, only that device). Unknown companies and unknown or revoked devices are field
 * errors; a reporter named twice is one row.
 */
async function authorisedReporters(sql: Sql, input: z.output<typeof registerShipmentInput>, seals: z.output<typeof registerShipmentInput>['seals'] & object): Promise<Reporter[]> {
  const eoris = [...new Set(input.reporters.map((r) => r.companyEori))];
  const deviceIds = [...new Set(seals.flatMap((s) => (s.type === 'ELECTRONIC' && s.deviceId ? [s.deviceId] : [])))];
  if (!eoris.length && !deviceIds.length) return [];
  const [companies, devices] = await Promise.all([
    eoris.length ? sql<{ id: string; eori: string }>(`SELECT id, eori FROM company WHERE eori = ANY($1::text[])`, [eoris]) : [],
    deviceIds.length ? sql<{ id: string; companyId: string }>(`SELECT id, company_id AS "companyId" FROM seal_device WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL`, [deviceIds]) : [],
  ]);
  const companyOf = new Map(companies.map((c) => [c.eori, c.id]));
  const deviceCompany = new Map(devices.map((d) => [d.id, d.companyId]));
  const errors: FieldError[] = [];
  const rows = new Map<string, Reporter>();
  input.reporters.forEach((r, i) => {
    const companyId = companyOf.get(r.companyEori);
    if (!companyId) errors.push({ path: ['reporters', String(i), 'companyEori'], code: 'UNKNOWN', message: `No company with EORI ${r.companyEori} is registered with Clearway.` });
    else rows.set(`${companyId}:`, { companyId, deviceId: null, role: r.role });
  });
  seals.forEach((s, i) => {
    if (s.type !== 'ELECTRONIC' || !s.deviceId) return;
    const companyId = deviceCompany.get(s.deviceId);
    if (!companyId) errors.push({ path: ['seals', String(i), 'deviceId'], code: 'UNKNOWN', message: `No seal device ${s.deviceId} (or it was revoked).` });
    else if (!rows.has(`${companyId}:`)) rows.set(`${companyId}:${s.deviceId}`, { companyId, deviceId: s.deviceId, role: s.source });
  });
  throwFieldErrors(errors);
  return [...rows.values()];
}
