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
} as const;
