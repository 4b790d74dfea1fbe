// The scans' audit actions, spread into AUDIT_EVENTS (lib/audit.ts) so they are typed like every other
// action while living beside the code that writes them.
import { z } from 'zod';

export const SCAN_AUDIT_EVENTS = {
  'scan_station.register': {
    target: 'scan_station',
    details: z.object({ code: z.string().describe('Station'), kind: z.string().describe('Kind'), country: z.string().describe('Country') }),
  },
  'scan.ingest': {
    target: 'scan',
    details: z.object({
      station: z.string().describe('Station'),
      containerNumber: z.string().nullable().describe('Container'),
      vehicleId: z.string().nullable().describe('Vehicle'),
      images: z.array(z.string()).describe('Images (SHA-256)'),
      partnerLinkId: z.string().optional().describe('Pulled over partner link'),
      remoteScanId: z.string().optional().describe("Partner's scan id"),
      remoteMetadataSha256: z.string().optional().describe("Partner's metadata hash"),
      remoteStation: z.string().optional().describe("Partner's station"),
    }),
  },
  'scan.claim': { target: 'scan', details: z.object({ previousAnalystId: z.string().nullable().describe('Taken over from') }) },
  'scan.annotate': { target: 'scan', details: z.object({ regions: z.number().describe('Regions'), labels: z.array(z.string()).describe('Labels') }) },
  'scan.decide': {
    target: 'scan',
    details: z.object({ verdict: z.string().describe('Verdict'), regions: z.number().describe('Regions'), declarationId: z.string().nullable().describe('Declaration') }),
  },
  'declaration.xray_suspect': {
    target: 'declaration',
    details: z.object({ scanId: z.string().describe('Scan'), lane: z.unknown().describe('Lane'), status: z.unknown().describe('Status') }),
  },
  'scan.record_inspection': { target: 'scan', details: z.object({ note: z.string().nullable().describe('Note') }) },
  'scan_partner.register': { target: 'scan_partner', details: z.object({ name: z.string().describe('Partner'), country: z.string().describe('Country'), keyId: z.string().describe('Key') }) },
  'scan_partner.revoke': { target: 'scan_partner', details: z.object({ name: z.string().describe('Partner'), keyId: z.string().describe('Key'), reason: z.string().optional().describe('Reason') }) },
  'scan.partner_pull': {
    target: 'scan_partner',
    details: z.object({
      scans: z.number().describe('Scans'),
      country: z.string().describe('Country'),
      keyId: z.string().optional().describe('Key'),
      containerNumber: z.string().nullable().optional().describe('Container asked for'),
      since: z.string().nullable().optional().describe('Since'),
      scanIds: z.array(z.string()).optional().describe('Scans sent'),
      ip: z.string().nullable().optional().describe('IP address'),
      refused: z.string().optional().describe('Refused'),
    }),
  },
  'partner_link.register': {
    target: 'partner_link',
    details: z.object({ name: z.string().describe('Partner'), country: z.string().describe('Country'), keyId: z.string().describe('Our key id'), graphqlUrl: z.string().describe('Endpoint'), ledgerKey: z.string().describe('Pinned ledger key') }),
  },
  'partner_link.revoke': { target: 'partner_link', details: z.object({ name: z.string().describe('Partner'), reason: z.string().optional().describe('Reason') }) },
  'partner_link.repin_ledger_key': {
    target: 'partner_link',
    details: z.object({ previousKey: z.string().describe('Previous ledger key'), ledgerKey: z.string().describe('Pinned ledger key'), origin: z.string().describe('Ledger origin') }),
  },
  'partner_link.pull': {
    target: 'partner_link',
    details: z.object({
      containers: z.number().describe('Containers asked for'),
      ingested: z.number().describe('Scans ingested'),
      refused: z.number().describe('Scans refused'),
      error: z.string().nullable().describe('Error'),
    }),
  },
  'partner_link.scan_refused': {
    target: 'partner_link',
    details: z.object({ remoteScanId: z.string().describe("Partner's scan id"), containerNumber: z.string().nullable().describe('Container'), reason: z.string().describe('Reason') }),
  },
} as const;
