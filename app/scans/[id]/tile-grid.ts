// The Deep Zoom geometry the viewer lays tiles out by — what the DZI descriptor
// (GET /api/scans/images/{id}/{preset}.dzi: size, TileSize, Overlap) implies: level L of an image whose
// largest side is n pixels is the image scaled by 2^(L − ⌈log₂ n⌉), each level cut into TileSize squares
// that overlap their neighbours by Overlap pixels.

export interface DziGeometry {
  width: number;
  height: number;
  tileSize: number;
  overlap: number;
}

export interface Tile {
  col: number;
  row: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

export const maxLevelOf = (g: DziGeometry): number => Math.ceil(Math.log2(Math.max(g.width, g.height, 1)));

/** Beyond full resolution the viewer enlarges the full-resolution tiles (small scans, fine detail). */
export const MAGNIFIED_LEVELS = 2;

export function levelSize(g: DziGeometry, level: number): { width: number; height: number; scale: number } {
  const scale = 2 ** (level - maxLevelOf(g));
  return { width: Math.ceil(g.width * scale), height: Math.ceil(g.height * scale), scale };
}

/** The levels worth offering: from the one at most `fit` pixels wide (or the smallest at least 128 wide) up to full resolution. */
export function zoomLevels(g: DziGeometry, fit = 1100): { levels: number[]; fitLevel: number } {
  const max = maxLevelOf(g);
  const levels: number[] = [];
  for (let l = 0; l <= max + MAGNIFIED_LEVELS; l++) if (levelSize(g, l).width >= 128 || l >= max) levels.push(l);
  const fitting = levels.filter((l) => levelSize(g, l).width <= fit);
  return { levels, fitLevel: fitting.length ? fitting[fitting.length - 1]! : levels[0]! };
}

/** The tiles to show at a zoom level, placed at that level's size; `level` is the DZI level they are served from. */
export function tilesAt(g: DziGeometry, zoom: number): (Tile & { level: number })[] {
  const level = Math.min(zoom, maxLevelOf(g));
  const factor = 2 ** (zoom - level);
  const { width, height } = levelSize(g, level);
  const tiles: (Tile & { level: number })[] = [];
  for (let row = 0; row * g.tileSize < height; row++) {
    for (let col = 0; col * g.tileSize < width; col++) {
      const left = Math.max(0, col * g.tileSize - g.overlap);
      const top = Math.max(0, row * g.tileSize - g.overlap);
      const right = Math.min(width, (col + 1) * g.tileSize + g.overlap);
      const bottom = Math.min(height, (row + 1) * g.tileSize + g.overlap);
      tiles.push({ level, col, row, left: left * factor, top: top * factor, width: (right - left) * factor, height: (bottom - top) * factor });
    }
  }
  return tiles;
}
