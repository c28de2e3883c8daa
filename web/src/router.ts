import { useSyncExternalStore } from "react";

/**
 * The portal's few pages are addressed by path (/jobs/42), with the History API: a link
 * opens the page without a reload, and the address can be shared or reloaded (the server
 * answers every page's path with the portal).
 */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function navigate(path: string): void {
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, "", path);
  for (const l of listeners) l();
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
