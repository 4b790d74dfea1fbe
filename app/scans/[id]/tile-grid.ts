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

export function levelSize(g: DziGeometry, level: number): { width: number; height: number; scale: number } {
  const scale = 2 ** (level - maxLevelOf(g));
  return { width: Math.ceil(g.width * scale), height: Math.ceil(g.height * scale), scale };
}

/** The levels worth offering: from the one at most `fit` pixels wide (or the smallest at least 128 wide) up to full resolution. */
export function zoomLevels(g: DziGeometry, fit = 1100): { levels: number[]; fitLevel: number } {
  const max = maxLevelOf(g);
  const levels: number[] = [];
  for (let l = 0; l <= max; l++) if (levelSize(g, l).width >= 128 || l === max) levels.push(l);
  const fitting = levels.filter((l) => levelSize(g, l).width <= fit);
  return { levels, fitLevel: fitting.length ? fitting[fitting.length - 1]! : levels[0]! };
}

export function tilesAt(g: DziGeometry, level: number): Tile[] {
  const { width, height } = levelSize(g, level);
  const tiles: Tile[] = [];
  for (let row = 0; row * g.tileSize < height; row++) {
    for (let col = 0; col * g.tileSize < width; col++) {
      const left = Math.max(0, col * g.tileSize - g.overlap);
      const top = Math.max(0, row * g.tileSize - g.overlap);
      const right = Math.min(width, (col + 1) * g.tileSize + g.overlap);
      const bottom = Math.min(height, (row + 1) * g.tileSize + g.overlap);
      tiles.push({ col, row, left, top, width: right - left, height: bottom - top });
    }
  }
  return tiles;
}
