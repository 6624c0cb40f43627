import { useEffect, useState } from "react";
import { parseSuggestions, shouldSuggest, SUGGEST_DEBOUNCE_MS, suggestUrl } from "../lib/search";
import type { MediaCard } from "../types";

type Suggestions = { query: string; results: MediaCard[]; loading: boolean };

/**
 * Titles matching what is typed, from `/search/suggest`: asked ~150 ms after the last key,
 * the previous request aborted, so answers never arrive out of order.
 */
export function useSuggestions(query: string, enabled: boolean): Suggestions {
  const [state, setState] = useState<Suggestions>({ query: "", results: [], loading: false });

  useEffect(() => {
    if (!enabled || !shouldSuggest(query)) {
      setState({ query, results: [], loading: false });
      return;
    }
    const controller = new AbortController();
    setState((current) => ({ ...current, loading: true }));
    const timer = window.setTimeout(async () => {
      try {
        const response = await fetch(suggestUrl(query), {
          headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" },
          credentials: "same-origin",
          signal: controller.signal,
        });
        const results = response.ok ? parseSuggestions(await response.json()) : [];
        setState({ query, results, loading: false });
      } catch {
        // Aborted by a newer query, or offline: the full search page still works.
        if (!controller.signal.aborted) setState({ query, results: [], loading: false });
      }
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, enabled]);

  return state;
}
