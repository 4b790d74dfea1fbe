// C2SP tlog-tiles resource paths (https://c2sp.org/tlog-tiles), below the log's prefix:
//   tile/<L>/<N>[.p/<W>]        L: 0–63; N: zero-padded 3-digit elements, all but the last with "x"
//   tile/entries/<N>[.p/<W>]    (1234067 → x001/x234/067); W: 1–255, only for partial tiles
// Pure: used by the server's routes and by tile clients (the tests' reader among them).

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

export interface TileAddress {
  /** 'entries' for an entry bundle, else the tile level (0–63). */
  level: number | 'entries';
  index: number;
  /** 256 for a full tile, 1–255 for a partial one. */
  width: number;
}

/** "x001/x234/067" for 1234067. */
export function formatTileIndex(index: number): string {
  const groups: string[] = [];
  let rest = index;
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

export function formatTilePath(tile: TileAddress): string {
  return `tile/${tile.level}/${formatTileIndex(tile.index)}${tile.width === TILE_WIDTH ? '' : `.p/${tile.width}`}`;
}

const PATH = /^tile\/(entries|0|[1-9]\d?)\/((?:x\d{3}\/)*)(\d{3})(?:\.p\/([1-9]\d{0,2}))?$/;

/** The tile a path names, or null when it is not a tlog-tiles path in its one canonical spelling. */
export function parseTilePath(path: string): TileAddress | null {
  const m = PATH.exec(path);
  if (!m) return null;
  const level = m[1] === 'entries' ? 'entries' : Number(m[1]);
  if (level !== 'entries' && level > 63) return null;
  const groups = [...m[2]!.split('/').filter(Boolean).map((g) => g.slice(1)), m[3]!];
  // No leading zero groups: index 67 is "067", never "x000/067".
  if (groups.length > 1 && groups[0] === '000') return null;
  const index = groups.reduce((n, g) => n * 1000 + Number(g), 0);
  const width = m[4] === undefined ? TILE_WIDTH : Number(m[4]);
  if (!Number.isSafeInteger(index) || width < 1 || width >= TILE_WIDTH + (m[4] === undefined ? 1 : 0)) return null;
  return { level, index, width };
}
