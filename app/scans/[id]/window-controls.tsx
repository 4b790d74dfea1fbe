'use client';
// The viewer's free window/level and colour map. Without JavaScript it is a GET form (number inputs and
// a colour-map list; both numbers empty keep the preset): the page is laid out again with the tiles at
// that window (?wc=&ww=&map=). With
// JavaScript the sliders appear beside the numbers and every change re-points the tiles at once (the
// server renders them from the image's own 8/16-bit samples, render-scan-tile.ts), keeps the address
// and the zoom/preset links in step, and says the window in words (role=status): colour is never the
// only signal. Shift + drag on the image changes the window too (left–right: width, up–down: centre).
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useSyncExternalStore, type ChangeEvent } from 'react';

const noSubscription = () => () => {};

type Map = 'grey' | 'inverted' | 'hot' | 'viridis';

export interface WindowState {
  /** null: the preset's tiles (optionally in a colour map); otherwise the free window. */
  window: { centre: number; width: number } | null;
  map: Map;
}

export function WindowControls(props: {
  scanId: string;
  imageId: string;
  imageSequence: number;
  zoom: number;
  preset: string;
  presetName: string;
  bits: number;
  freeWindow: boolean;
  initial: WindowState;
  maps: { value: Map; label: string; ramp: string }[];
}) {
  const t = useTranslations('scans.viewer.window');
  const max = props.bits === 16 ? 65535 : 255;
  const [state, setState] = useState<WindowState>(props.initial);
  // True once hydrated: the sliders (which post nothing) only appear where they work.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  // What is being typed into a number field (it may be out of range half-way through "30000").
  const [draft, setDraft] = useState<{ centre?: string; width?: string }>({});
  const first = useRef(true);
  const shown = state.window ?? { centre: Math.round(max / 2), width: max + 1 };
  const current = useRef(shown);
  useEffect(() => {
    current.current = shown;
  });

  // Re-point the tiles and the links at the new window (debounced: a slider sends many events).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      const params = (q: URLSearchParams) => {
        q.delete('wc');
        q.delete('ww');
        q.delete('map');
        if (state.window) {
          q.set('wc', String(state.window.centre));
          q.set('ww', String(state.window.width));
        }
        if (state.map !== 'grey') q.set('map', state.map);
        return q;
      };
      const tileQuery = params(new URLSearchParams()).toString();
      const set = state.window ? 'window' : props.preset;
      document.querySelectorAll<HTMLImageElement>('#viewer img[data-tile]').forEach((img) => {
        img.src = `/api/scans/images/${props.imageId}/${set}_files/${img.dataset.tile}.jpeg${tileQuery ? `?${tileQuery}` : ''}`;
      });
      document.querySelectorAll<HTMLAnchorElement>('#viewer a[data-keeps-window]').forEach((a) => {
        const u = new URL(a.href);
        params(u.searchParams);
        if (a.dataset.keepsWindow === 'map') {
          u.searchParams.delete('wc');
          u.searchParams.delete('ww');
        }
        a.href = u.toString();
      });
      const here = new URL(window.location.href);
      params(here.searchParams);
      window.history.replaceState(null, '', here.toString());
    }, 150);
    return () => clearTimeout(timer);
  }, [state, props.imageId, props.preset]);

  // Shift + drag on the image: horizontal moves the width, vertical the centre, as radiology viewers do.
  useEffect(() => {
    if (!props.freeWindow) return;
    const viewport = document.querySelector<HTMLElement>('[data-testid="scan-viewport"]');
    if (!viewport) return;
    let start: { x: number; y: number; centre: number; width: number } | null = null;
    const step = max / 400;
    const down = (e: PointerEvent) => {
      if (!e.shiftKey || e.button !== 0) return;
      e.stopPropagation(); // not a region being drawn
      e.preventDefault();
      viewport.setPointerCapture(e.pointerId);
      start = { x: e.clientX, y: e.clientY, ...current.current };
    };
    const move = (e: PointerEvent) => {
      if (!start) return;
      e.stopPropagation();
      const s = start;
      const width = Math.round(Math.min(2 * (max + 1), Math.max(1, s.width + (e.clientX - s.x) * step)));
      const centre = Math.round(Math.min(max, Math.max(0, s.centre - (e.clientY - s.y) * step)));
      setDraft({});
      setState((old) => ({ ...old, window: { centre, width } }));
    };
    const up = (e: PointerEvent) => {
      if (!start) return;
      e.stopPropagation();
      start = null;
    };
    viewport.addEventListener('pointerdown', down, true);
    viewport.addEventListener('pointermove', move, true);
    viewport.addEventListener('pointerup', up, true);
    return () => {
      viewport.removeEventListener('pointerdown', down, true);
      viewport.removeEventListener('pointermove', move, true);
      viewport.removeEventListener('pointerup', up, true);
    };
  }, [props.freeWindow, max]);

  const setWindow = (key: 'centre' | 'width', raw: string) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw)) return;
    const limit = key === 'centre' ? [0, max] : [1, 2 * (max + 1)];
    if (value < limit[0]! || value > limit[1]!) return;
    setState((s) => ({ ...s, window: { ...(s.window ?? shown), [key]: value } }));
  };
  const mapLabel = props.maps.find((m) => m.value === state.map)?.label ?? state.map;
  const ramp = props.maps.find((m) => m.value === state.map)?.ramp;
  const announcement = state.window
    ? t('announceWindow', {
        centre: state.window.centre,
        width: state.window.width,
        low: Math.max(0, Math.round(state.window.centre - state.window.width / 2)),
        high: Math.min(max, Math.round(state.window.centre + state.window.width / 2)),
        map: mapLabel,
      })
    : t('announcePreset', { preset: props.presetName, map: mapLabel });

  return (
    <form method="get" action={`/scans/${props.scanId}#viewer`} className="window-form" data-testid="window-form">
      <input type="hidden" name="image" value={props.imageSequence} />
      <input type="hidden" name="zoom" value={props.zoom} />
      <input type="hidden" name="preset" value={props.preset} />
      {props.freeWindow ? (
        <fieldset className="window-fields">
          <legend>{t('legend', { max, bits: props.bits })}</legend>
          {(['centre', 'width'] as const).map((key) => (
            <div className="window-field" key={key}>
              <label htmlFor={`window-${key}`}>{t(key)}</label>
              {enhanced && (
                <input
                  type="range"
                  id={`window-${key}-slider`}
                  aria-label={key === 'centre' ? t('centreSlider') : t('widthSlider')}
                  min={key === 'centre' ? 0 : 1}
                  max={key === 'centre' ? max : 2 * (max + 1)}
                  value={shown[key]}
                  onChange={(e) => {
                    setDraft({});
                    setWindow(key, e.target.value);
                  }}
                />
              )}
              <input
                type="number"
                id={`window-${key}`}
                name={key === 'centre' ? 'wc' : 'ww'}
                className="width-xs"
                min={key === 'centre' ? 0 : 1}
                max={key === 'centre' ? max : 2 * (max + 1)}
                step={1}
                placeholder={String(shown[key])}
                {...(enhanced
                  ? {
                      value: draft[key] ?? (state.window ? String(state.window[key]) : ''),
                      onChange: (e: ChangeEvent<HTMLInputElement>) => {
                        setDraft((d) => ({ ...d, [key]: e.target.value }));
                        setWindow(key, e.target.value);
                      },
                      onBlur: () => setDraft({}),
                    }
                  : { defaultValue: state.window ? state.window[key] : '' })}
              />
            </div>
          ))}
        </fieldset>
      ) : (
        <p className="hint" data-testid="no-free-window">
          {t('noFreeWindow')}
        </p>
      )}
      <div className="window-field">
        <label htmlFor="window-map">{t('map')}</label>
        <select id="window-map" name="map" value={state.map} onChange={(e) => setState((s) => ({ ...s, map: e.target.value as Map }))}>
          {props.maps.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button-secondary button-small">
        {t('apply')}
      </button>
      {ramp && (
        <p className="window-ramp" aria-hidden="true">
          <span>{t('rampDense')}</span>
          <span className="window-ramp-bar" style={{ background: ramp }} data-testid="window-ramp" />
          <span>{t('rampThin')}</span>
        </p>
      )}
      <p role="status" className="hint" data-testid="window-announcement">
        {announcement}
      </p>
      {props.freeWindow && <p className="hint">{t('dragHint')}</p>}
    </form>
  );
}
