import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ContentWarning } from './types';

let cached: ContentWarning[] | null = null;
let loading: Promise<ContentWarning[]> | null = null;
const CACHE_KEY = 'erf.contentWarnings';

function stored(): ContentWarning[] | null {
  try {
    const raw = localStorage.getItem(CACHE_KEY);
    return raw ? (JSON.parse(raw) as ContentWarning[]) : null;
  } catch {
    return null;
  }
}

/**
 * The list of content warnings, fetched once per page load and kept on the device, so the picker
 * and the labels still work offline (the editor must stay usable without a network).
 */
export function useContentWarnings(): ContentWarning[] {
  const [list, setList] = useState<ContentWarning[]>(() => cached ?? stored() ?? []);
  useEffect(() => {
    if (cached) return;
    loading ??= api.get<ContentWarning[]>('/api/content-warnings').then((l) => {
      cached = l;
      try {
        localStorage.setItem(CACHE_KEY, JSON.stringify(l));
      } catch {
        // storage unavailable
      }
      return l;
    });
    let live = true;
    loading.then(
      (l) => live && setList(l),
      () => {
        loading = null;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return list;
}

/** A warning's label in the reader's language (its code while the list is not known). */
export function warningLabel(list: ContentWarning[], code: string, language: string): string {
  const w = list.find((x) => x.code === code);
  if (!w) return code;
  return language.startsWith('en') ? w.label.en : w.label.nb;
}
