// A seal event in Clearway's own shape: what both entry points (EPCIS capture, recordSealEvents) map
// their input to before the one code path that stores it and applies the rules.
import type { SealEventKind, SealSource } from '../generated/prisma/enums';

export interface SealEventRecord {
  /** EPCIS eventID, or a content hash (ni:///sha-256;…) when the sender gave none. */
  eventId: string;
  kind: SealEventKind;
  /** ISO 6346, check digit verified. */
  containerNumber: string;
  eventTime: Date;
  /** "+HH:MM" / "-HH:MM": the local offset at the place of the event. */
  timeZoneOffset: string;
  bizStep: string | null;
  disposition: string | null;
  locode: string | null;
  readPoint: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Mechanical seal numbers named by the event, normalized (for RESEALED: the new seal). */
  sealNumbers: string[];
  /** Electronic seal "MANUFACTURER:SERIAL". */
  eSeal: string | null;
  batteryPercent: number | null;
  source: SealSource | null;
  /** Position in the capture's document, where the event is kept as received. */
  eventIndex: number;
  /** Where the container is named in the caller's input, for error messages. */
  containerPath: string[];
  /** Where the event's id is (or would be) in the caller's input, for error messages. */
  idPath: string[];
}

/** Battery level (percent) under which an event that reports nothing else is BATTERY_LOW. */
export const BATTERY_LOW_PERCENT = 20;

/** How far in the future an event time is, as a field-error message; null when within the tolerance. */
export function futureProblem(eventTime: Date, now: Date, skewSeconds: number): string | null {
  const ahead = (eventTime.getTime() - now.getTime()) / 1000;
  if (ahead <= skewSeconds) return null;
  const text = ahead >= 7200 ? `${(ahead / 3600).toFixed(1)} h` : ahead >= 120 ? `${Math.round(ahead / 60)} min` : `${Math.round(ahead)} s`;
  return `eventTime ${eventTime.toISOString()} is ${text} ahead of the server clock (${now.toISOString()}); events may be at most ${skewSeconds} s ahead. Check the device clock.`;
}

/**
 * How far in the past an event time is, as a field-error message, when it is older than the bound:
 * a journey under seal lasts weeks, so a year-old (or year-0001, or 1970) time is a device whose clock
 * was reset, not evidence to place on a timeline. Null when within the bound.
 */
export function pastProblem(eventTime: Date, now: Date, maxAgeDays: number): string | null {
  const days = (now.getTime() - eventTime.getTime()) / 86_400_000;
  if (days <= maxAgeDays) return null;
  return `eventTime ${eventTime.toISOString()} is ${Math.floor(days).toLocaleString('en')} days before the server clock (${now.toISOString()}); events may be at most ${maxAgeDays.toLocaleString('en')} days old (TRACKING_MAX_EVENT_AGE_DAYS). Check the device clock.`;
}

export function latitudeProblem(value: number): string | null {
  return Number.isFinite(value) && value >= -90 && value <= 90 ? null : `Latitude ${value} is outside -90..90 degrees.`;
}

export function longitudeProblem(value: number): string | null {
  return Number.isFinite(value) && value >= -180 && value <= 180 ? null : `Longitude ${value} is outside -180..180 degrees.`;
}

/** The instant as local time at the place of the event, e.g. "2026-03-01T18:00:00.000+08:00". */
export function localTime(at: Date, offset: string): string {
  const m = /^([+-])(\d\d):(\d\d)$/.exec(offset);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const shifted = new Date(at.getTime() + minutes * 60_000).toISOString().slice(0, 23);
  return `${shifted}${m ? offset : 'Z'}`;
}
