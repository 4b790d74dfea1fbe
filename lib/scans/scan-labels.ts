// The fixed list of region labels, for vendors' ATR results and analysts' regions alike (the GraphQL
// enum ScanRegionLabel mirrors it).
export const SCAN_LABELS = ['UNDECLARED_GOODS', 'ORGANIC_MASS', 'CONCEALMENT_IN_STRUCTURE', 'WEAPON', 'DRUGS', 'DENSITY_MISMATCH'] as const;
export type ScanLabel = (typeof SCAN_LABELS)[number];
