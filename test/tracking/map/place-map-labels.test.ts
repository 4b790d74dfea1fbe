// Place names on the map: never over each other, over a marker, or outside the picture.
import { describe, expect, it } from 'vitest';

import { boxesApart, placeMapLabels, textBox, type Box } from '../../../lib/tracking/map/place-map-labels';

const VIEW = { width: 960, height: 520 };
const inside = (b: Box) => b[0] >= 0 && b[1] >= 0 && b[2] <= VIEW.width && b[3] <= VIEW.height;

describe('placeMapLabels', () => {
  it('puts a label right of its marker when there is room', () => {
    const [label] = placeMapLabels([{ x: 100, y: 100, text: 'Rotterdam' }], [], VIEW);
    expect(label).toEqual({ x: 109, y: 104, anchor: 'start', text: 'Rotterdam' });
  });

  it('moves a label that would leave the picture to the other side', () => {
    const [label] = placeMapLabels([{ x: 950, y: 100, text: 'Hamburg' }], [], VIEW);
    expect(label!.anchor).toBe('end');
    expect(inside(textBox(label!))).toBe(true);
  });

  it('keeps labels of places at the same spot apart, the first one winning the best spot', () => {
    const candidates = Array.from({ length: 6 }, (_, i) => ({ x: 480, y: 260, text: `Place number ${i}` }));
    const labels = placeMapLabels(candidates, [], VIEW);
    expect(labels[0]).toMatchObject({ text: 'Place number 0', anchor: 'start', x: 489 });
    expect(labels.length).toBeGreaterThanOrEqual(3);
    const boxes = labels.map((l) => textBox(l));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(boxesApart(boxes[i]!, boxes[j]!), `${labels[i]!.text} / ${labels[j]!.text}`).toBe(true);
  });

  it('drops a label with no free spot instead of drawing it over something', () => {
    const everything: Box = [0, 0, VIEW.width, VIEW.height];
    expect(placeMapLabels([{ x: 480, y: 260, text: 'Nowhere' }], [everything], VIEW)).toEqual([]);
  });

  it('never covers an obstacle (a marker, the last position)', () => {
    const marker: Box = [100, 90, 200, 110]; // right of the stop, where the label would go first
    const [label] = placeMapLabels([{ x: 100, y: 100, text: 'Antwerp' }], [marker], VIEW);
    expect(label).toBeDefined();
    expect(boxesApart(textBox(label!), marker)).toBe(true);
  });
});
