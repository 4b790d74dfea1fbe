// Label placement on the shipment map: boxes of text, and a greedy placement that keeps labels apart
// and inside the picture.

/** [x0, y0, x1, y1] in SVG pixels, y downwards. */
export type Box = [x0: number, y0: number, x1: number, y1: number];

export interface MapLabel {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

/** The box a label's text covers (`charWidth` px per character at 13 px). */
export function textBox(l: MapLabel, charWidth = 7.4): Box {
  const width = l.text.length * charWidth + 4;
  const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - width : l.x - width / 2;
  return [x0, l.y - 13, x0 + width, l.y + 3];
}

export const boxesApart = (a: Box, b: Box) => a[0] > b[2] || a[2] < b[0] || a[1] > b[3] || a[3] < b[1];

/** A box wholly inside the picture, 2 px from its edges. */
export const insideView = (box: Box, view: { width: number; height: number }) => box[0] >= 2 && box[2] <= view.width - 2 && box[1] >= 2 && box[3] <= view.height - 2;

/**
 * Place names that overlap neither each other (the first ones win) nor the `obstacles` (markers, the
 * last position, the breaches) and stay inside the picture: right of the marker, left, further out,
 * above or below; else none (the stop keeps its tooltip).
 */
export function placeMapLabels(candidates: readonly { x: number; y: number; text: string }[], obstacles: readonly Box[], view: { width: number; height: number }): MapLabel[] {
  const boxes = [...obstacles];
  const labels: MapLabel[] = [];
  for (const c of candidates) {
    const spots: MapLabel[] = [
      { x: c.x + 9, y: c.y + 4, anchor: 'start', text: c.text },
      { x: c.x - 9, y: c.y + 4, anchor: 'end', text: c.text },
      { x: c.x + 19, y: c.y + 4, anchor: 'start', text: c.text },
      { x: c.x - 19, y: c.y + 4, anchor: 'end', text: c.text },
      { x: c.x, y: c.y - 19, anchor: 'middle', text: c.text },
      { x: c.x, y: c.y + 28, anchor: 'middle', text: c.text },
    ];
    for (const spot of spots) {
      const box = textBox(spot);
      if (insideView(box, view) && boxes.every((b) => boxesApart(box, b))) {
        boxes.push(box);
        labels.push(spot);
        break;
      }
    }
  }
  return labels;
}
