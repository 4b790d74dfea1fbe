// Words for documents on the declaration pages; browser-safe (the upload form uses them too).
import type { DOCUMENT_TYPES } from '../../../lib/documents/document-record';

export const DOCUMENT_TYPE_LABEL: Record<(typeof DOCUMENT_TYPES)[number], string> = {
  COMMERCIAL_INVOICE: 'Commercial invoice',
  PACKING_LIST: 'Packing list',
  BILL_OF_LADING: 'Bill of lading',
  AIR_WAYBILL: 'Air waybill',
  CERTIFICATE_OF_ORIGIN: 'Certificate of origin',
  LICENCE: 'Licence',
  OTHER: 'Other',
};

/** 48213 → "47.1 KB"; binary units, as the upload limit is stated. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
