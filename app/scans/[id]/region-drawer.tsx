'use client';
// With JavaScript, the analyst can draw a region's box on the image with the pointer: the box is shown
// while drawing and, on release, written into the region form's x/y/width/height fields (image pixels),
// which stay the way to mark a region without JavaScript or a pointer. No library: pointer events only.
import { useRef, useState, type PointerEvent, type ReactNode } from 'react';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const FIELDS = { x: 'region-x', y: 'region-y', width: 'region-width', height: 'region-height' } as const;

export function RegionDrawer({ imageId, imageWidth, imageHeight, scale, enabled, children }: { imageId: string; imageWidth: number; imageHeight: number; scale: number; enabled: boolean; children: ReactNode }) {
  const surface = useRef<HTMLDivElement>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const [box, setBox] = useState<Box | null>(null);

  const at = (e: PointerEvent) => {
    const r = surface.current!.getBoundingClientRect();
    const clamp = (v: number, max: number) => Math.min(Math.max(Math.round(v), 0), max);
    return { x: clamp((e.clientX - r.left) / scale, imageWidth), y: clamp((e.clientY - r.top) / scale, imageHeight) };
  };
  const boxTo = (p: { x: number; y: number }): Box => {
    const s = start.current!;
    return { x: Math.min(s.x, p.x), y: Math.min(s.y, p.y), width: Math.abs(p.x - s.x), height: Math.abs(p.y - s.y) };
  };

  const handlers = enabled
    ? {
        onPointerDown: (e: PointerEvent) => {
          if (e.button !== 0) return;
          e.preventDefault();
          surface.current!.setPointerCapture(e.pointerId);
          start.current = at(e);
          setBox({ ...start.current, width: 0, height: 0 });
        },
        onPointerMove: (e: PointerEvent) => {
          if (start.current) setBox(boxTo(at(e)));
        },
        onPointerUp: (e: PointerEvent) => {
          if (!start.current) return;
          const b = boxTo(at(e));
          start.current = null;
          if (b.width < 1 || b.height < 1) return setBox(null);
          setBox(b);
          for (const [key, id] of Object.entries(FIELDS)) {
            const input = document.getElementById(id) as HTMLInputElement | null;
            if (input) input.value = String(b[key as keyof Box]);
          }
          const image = document.getElementById('region-image') as HTMLSelectElement | null;
          if (image) image.value = imageId;
        },
      }
    : {};

  return (
    <div ref={surface} className={`scan-surface${enabled ? ' scan-surface-drawing' : ''}`} style={{ width: imageWidth * scale, height: imageHeight * scale }} data-testid="scan-surface" {...handlers}>
      {children}
      {box && box.width > 0 && (
        <div className="scan-drawn-box" data-testid="drawn-box" style={{ left: box.x * scale, top: box.y * scale, width: box.width * scale, height: box.height * scale }} aria-hidden="true" />
      )}
    </div>
  );
}
