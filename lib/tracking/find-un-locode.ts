// Coordinates of the UN/LOCODE places the demo journeys use, as code data. The full UN/LOCODE list
// (about 116,000 entries, with coordinates for most, published twice a year by UNECE as CSV) can be
// loaded into a table later; until then a route naming another place gives its coordinates itself
// (registerShipment's `latitude`/`longitude`), and events at other places are located by their own
// position only.

export interface UnLocode {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
}

// Coordinates of the port or city centre, WGS 84, decimal degrees.
const PLACES: UnLocode[] = [
  { code: 'CNSHA', name: 'Shanghai', latitude: 31.2304, longitude: 121.4737 },
  { code: 'CNSZX', name: 'Shenzhen', latitude: 22.5431, longitude: 114.0579 },
  { code: 'SGSIN', name: 'Singapore', latitude: 1.2644, longitude: 103.8400 },
  { code: 'LKCMB', name: 'Colombo', latitude: 6.9497, longitude: 79.8428 },
  { code: 'EGSUZ', name: 'Suez', latitude: 29.9668, longitude: 32.5498 },
  { code: 'EGPSD', name: 'Port Said', latitude: 31.2653, longitude: 32.3019 },
  { code: 'ESALG', name: 'Algeciras', latitude: 36.1408, longitude: -5.4562 },
  { code: 'BEANR', name: 'Antwerp', latitude: 51.2637, longitude: 4.3986 },
  { code: 'NLRTM', name: 'Rotterdam', latitude: 51.9490, longitude: 4.1453 },
  { code: 'DEHAM', name: 'Hamburg', latitude: 53.5461, longitude: 9.9661 },
  { code: 'KEMBA', name: 'Mombasa', latitude: -4.0435, longitude: 39.6682 },
  { code: 'KENBO', name: 'Nairobi', latitude: -1.2921, longitude: 36.8219 },
  { code: 'UGKLA', name: 'Kampala', latitude: 0.3476, longitude: 32.5825 },
];

const BY_CODE = new Map(PLACES.map((p) => [p.code, p]));

/** The place with its coordinates, or undefined when it is not in the table (yet). */
export function findUnLocode(code: string): UnLocode | undefined {
  return BY_CODE.get(code);
}
