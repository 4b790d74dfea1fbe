// Seal events in Clearway's own shape (the GraphQL mutation recordSealEvents):
// validated here, then stored by the same code path as EPCIS capture, all or nothing.
import { createHash, randomUUID } from 'node:crypto';

import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { UN_LOCODE } from '../declarations/codes';
import { sqlTransaction } from '../database/sql';
import { getEnv } from '../env';
import { AppError, type FieldError } from '../errors';
import { SealEventKind, SealSource } from '../generated/prisma/enums';
import { canonicalJson } from '../declarations/snapshot';
import { parseInput } from '../validation';
import { assertSealEventWriter } from '../auth/policy';
import { containerProblem, eSealId, normalizeSealNumber } from './identifiers';
import { futureProblem, pastProblem, type SealEventRecord } from './seal-event-record';
import { storeSealEvents, type CaptureOutcome } from './store-seal-events';
import { throwEventErrors } from './throw-event-errors';

const OFFSET = /^[+-](?:0\d|1[0-3]):[0-5]\d$|^[+-]14:00$/;
const ESEAL_PART = /^[A-Za-z0-9._-]+$/;

const sealEventInput = z
  .object({
    /** Unique per event (e.g. urn:uuid:…); when absent, a hash of the event's content stands in. */
    eventId: z.string().trim().min(1).max(255).optional(),
    containerNumber: z.string().trim().toUpperCase(),
    kind: z.enum(SealEventKind),
    /** ISO 8601 with an offset ("2026-03-01T18:00:00+08:00"), or local time with timeZoneOffset. */
    eventTime: z.union([z.date(), z.iso.datetime({ offset: true, local: true, message: 'eventTime is an ISO 8601 date-time, e.g. 2026-03-01T18:00:00+08:00.' })]),
    timeZoneOffset: z.string().regex(OFFSET, 'timeZoneOffset is "+HH:MM" or "-HH:MM", e.g. +08:00.').optional(),
    locode: z.string().trim().toUpperCase().regex(UN_LOCODE, 'Use a UN/LOCODE, e.g. NLRTM.').optional(),
    latitude: z.number().min(-90, 'Latitude is between -90 and 90 degrees.').max(90, 'Latitude is between -90 and 90 degrees.').optional(),
    longitude: z.number().min(-180, 'Longitude is between -180 and 180 degrees.').max(180, 'Longitude is between -180 and 180 degrees.').optional(),
    /** Mechanical seal numbers (ISO 17712) seen; for RESEALED, the new seal. */
    sealNumbers: z.array(z.string().trim().min(1).max(35)).max(10).default([]),
    eSeal: z.object({ manufacturer: z.string().trim().min(1).max(35).regex(ESEAL_PART), serial: z.string().trim().min(1).max(40).regex(ESEAL_PART) }).optional(),
    source: z.enum(SealSource).optional(),
    batteryPercent: z.number().min(0).max(100).optional(),
  })
  .refine((e) => (e.latitude === undefined) === (e.longitude === undefined), { message: 'A position needs both latitude and longitude.', path: ['longitude'] });

export type SealEventInput = z.input<typeof sealEventInput>;

export async function recordSealEvents(options: { actor: Actor; events: SealEventInput[]; requestId?: string }): Promise<CaptureOutcome> {
  const { actor } = options;
  assertSealEventWriter(actor);
  const env = getEnv();
  if (Array.isArray(options.events) && options.events.length > env.EPCIS_MAX_EVENTS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `${options.events.length.toLocaleString('en')} events in one call; at most ${env.EPCIS_MAX_EVENTS.toLocaleString('en')} (EPCIS_MAX_EVENTS). Nothing was stored.`, {
      eventCount: options.events.length,
      maxEvents: env.EPCIS_MAX_EVENTS,
    });
  }
  const { events } = parseInput(z.object({ events: z.array(sealEventInput).min(1, 'Send at least one event.') }), { events: options.events }, 'Some events need correcting; nothing was stored.');

  const now = new Date();
  const errors: FieldError[] = [];
  const records: SealEventRecord[] = [];
  const normalized: unknown[] = [];
  events.forEach((e, i) => {
    const at = ['events', String(i)];
    const problem = containerProblem(e.containerNumber);
    if (problem) errors.push({ path: [...at, 'containerNumber'], code: 'INVALID', message: problem });
    const text = e.eventTime instanceof Date ? null : e.eventTime;
    const given = text ? /([+-]\d\d:\d\d|Z)$/i.exec(text)?.[1] : undefined;
    const offset = e.timeZoneOffset ?? (given && given.toUpperCase() !== 'Z' ? given : '+00:00');
    const eventTime = e.eventTime instanceof Date ? e.eventTime : new Date(given ? text! : `${text}${offset}`);
    const future = futureProblem(eventTime, now, env.TRACKING_CLOCK_SKEW_SECONDS);
    if (future) errors.push({ path: [...at, 'eventTime'], code: 'INVALID', message: future });
    const old = pastProblem(eventTime, now, env.TRACKING_MAX_EVENT_AGE_DAYS);
    if (old) errors.push({ path: [...at, 'eventTime'], code: 'INVALID', message: old });
    if (e.kind === 'RESEALED' && !e.sealNumbers.length) errors.push({ path: [...at, 'sealNumbers'], code: 'REQUIRED', message: 'A resealing names the new seal number.' });
    const payload = { ...e, eventTime: eventTime.toISOString(), timeZoneOffset: offset };
    normalized.push(payload);
    records.push({
      eventId: e.eventId ?? `ni:///sha-256;${createHash('sha256').update(canonicalJson(payload)).digest('hex')}?ver=CW1`,
      kind: e.kind,
      containerNumber: e.containerNumber,
      eventTime,
      timeZoneOffset: offset,
      bizStep: null,
      disposition: null,
      locode: e.locode ?? null,
      readPoint: null,
      latitude: e.latitude ?? null,
      longitude: e.longitude ?? null,
      sealNumbers: [...new Set(e.sealNumbers.map(normalizeSealNumber))],
      eSeal: e.eSeal ? eSealId(e.eSeal.manufacturer, e.eSeal.serial) : null,
      batteryPercent: e.batteryPercent ?? null,
      source: e.source ?? null,
      eventIndex: i,
      containerPath: [...at, 'containerNumber'],
      idPath: [...at, 'eventId'],
    });
  });
  throwEventErrors(errors, 'request');

  const captureId = randomUUID();
  // The capture keeps the events as validated (times resolved), as its document.
  const document = JSON.stringify({ events: normalized });
  return sqlTransaction((sql) => storeSealEvents(sql, { actor, records, document, eventCount: records.length, captureId, requestId: options.requestId ?? null }));
}
