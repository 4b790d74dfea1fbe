'use client';
// While a model trains, the dashboard renders itself again every few seconds (router.refresh keeps
// scroll, focus and what is typed), so its progress and then its metrics appear. Without JavaScript
// the page offers a link to reload instead.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const REFRESH_MS = 2_000;

export function RefreshWhileTraining() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
