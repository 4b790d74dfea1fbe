'use client';
// Keeps a tracking page current. An update source tells when the page's data changed; the server
// components are then rendered again (router.refresh(), which keeps scroll position, focus and what
// is typed in forms). Today's source asks the server every 5 s, while the tab is visible, for the
// page's fingerprint (trackingStampAction) and reports a change when it differs from the one the page
// was rendered with: a refresh re-prefetches every link in view, so it is done only when needed.
//
// To push instead, give `updatesFor` a source that subscribes to the graphql-ws `trackingUpdates`
// subscription: `changed()` per message, `current()` once connected, `failed()` when the socket
// drops. Nothing else here changes.
//
// The time shown is when the data was last known current. Without JavaScript the page shows when it
// was rendered, without the "Live" claim.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useSyncExternalStore, useTransition } from 'react';

import { trackingStampAction } from '../actions';
import type { TrackingStampScope } from '../../../lib/tracking/get-tracking-stamp';

export interface UpdateListener {
  /** The data changed: render the page again. */
  changed(): void;
  /** The data shown is still current. */
  current(): void;
  /** The source cannot tell (offline, signed out, server error). */
  failed(): void;
}

/** Starts reporting to the listener; returns the function that stops it. */
export type UpdateSource = (listener: UpdateListener) => () => void;

const POLL_MS = 5_000;

function subscribeToVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** Compares the server's fingerprint with the page's every `ms` while the tab is visible, and at once when it becomes visible again. */
function pollWhileVisible(ms: number, scope: TrackingStampScope, pageStamp: () => string, poll: StampAction): UpdateSource {
  return (listener) => {
    let timer: ReturnType<typeof setInterval> | undefined;
    let asking = false;
    let stopped = false;
    const check = async () => {
      if (asking) return;
      asking = true;
      try {
        const stamp = await poll(scope);
        if (stopped) return;
        if (stamp === null) listener.failed();
        else if (stamp !== pageStamp()) listener.changed();
        else listener.current();
      } catch {
        if (!stopped) listener.failed();
      } finally {
        asking = false;
      }
    };
    const start = () => {
      timer ??= setInterval(() => void check(), ms);
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const unsubscribe = subscribeToVisibility(() => {
      if (document.visibilityState === 'visible') {
        void check();
        start();
      } else stop();
    });
    if (document.visibilityState === 'visible') start();
    return () => {
      stopped = true;
      stop();
      unsubscribe();
    };
  };
}

/** Where a page's updates come from. */
function updatesFor(scope: TrackingStampScope, pageStamp: () => string, poll: StampAction): UpdateSource {
  return pollWhileVisible(POLL_MS, scope, pageStamp, poll);
}

/** The server action that answers the page's current fingerprint (null when signed out). */
export type StampAction = (scope: TrackingStampScope) => Promise<string | null>;

const noSubscription = () => () => {};

/** `poll`: another page's fingerprint action (e.g. the terminal page's gate traffic); default the tracking pages'. */
export function LiveRefresh({
  renderedAt,
  stamp,
  containerNumber,
  shipmentId,
  poll = trackingStampAction,
}: {
  renderedAt: string;
  stamp: string;
  containerNumber?: string;
  shipmentId?: string;
  poll?: StampAction;
}) {
  const t = useTranslations('tracking');
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  // What the page shows now, for the source's comparisons (a refresh brings a new stamp).
  const shown = useRef({ stamp, refreshing });
  useEffect(() => {
    shown.current = { stamp, refreshing };
  }, [stamp, refreshing]);
  // When the data was last known current, and the stamp it was checked against.
  const [checked, setChecked] = useState<{ stamp: string; at: string } | null>(null);
  const [failed, setFailed] = useState(false);
  // True once hydrated: only then is the page live.
  const live = useSyncExternalStore(noSubscription, () => true, () => false);
  const visible = useSyncExternalStore(subscribeToVisibility, () => document.visibilityState === 'visible', () => true);

  useEffect(
    () =>
      updatesFor({ containerNumber, shipmentId }, () => shown.current.stamp, poll)({
        changed() {
          setFailed(false);
          // One refresh at a time: the next check compares with the stamp it brings.
          if (!shown.current.refreshing) startTransition(() => router.refresh());
        },
        current() {
          setFailed(false);
          setChecked({ stamp: shown.current.stamp, at: new Date().toISOString() });
        },
        failed() {
          setFailed(true);
        },
      }),
    [containerNumber, shipmentId, router, poll],
  );

  const updatedAt = checked && checked.stamp === stamp && checked.at > renderedAt ? checked.at : renderedAt;
  const state = !live ? 'plain' : failed ? 'failed' : visible ? 'live' : 'paused';
  return (
    <p className={live && visible && !failed ? 'live live-on' : failed ? 'live live-failed' : 'live'} data-testid="live" data-stamp={stamp}>
      {live && (
        <span className="live-dot" aria-hidden="true">
          ●
        </span>
      )}
      {t.rich('liveState', { state, time: (chunks) => <time dateTime={updatedAt}>{chunks}</time>, at: updatedAt.slice(11, 19) })}
    </p>
  );
}
