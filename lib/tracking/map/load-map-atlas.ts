// Natural Earth's countries from the world-atlas package (offline: no tile server), as GeoJSON land,
// borders and coastlines for the shipment map.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { FeatureCollection, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface MapAtlas {
  land: FeatureCollection;
  borders: MultiLineString;
  coast: MultiLineString;
}

const atlases = new Map<string, Promise<MapAtlas>>();

/**
 * Countries at 1:50m for a regional view, 1:110m for an ocean crossing; parsed once per process (the
 * 1:50m file is 750 kB of JSON). A failed read is forgotten, so that the next page tries again.
 */
export function loadMapAtlas(resolution: '50m' | '110m'): Promise<MapAtlas> {
  let atlas = atlases.get(resolution);
  if (!atlas) {
    atlas = readFile(path.join(process.cwd(), 'node_modules', 'world-atlas', `countries-${resolution}.json`), 'utf8').then((text) => {
      const topology = JSON.parse(text) as Topology<{ countries: GeometryCollection }>;
      const countries = topology.objects.countries;
      return {
        land: feature(topology, countries) as FeatureCollection,
        borders: mesh(topology, countries, (a, b) => a !== b),
        coast: mesh(topology, countries, (a, b) => a === b),
      };
    });
    atlas.catch(() => atlases.delete(resolution));
    atlases.set(resolution, atlas);
  }
  return atlas;
}
