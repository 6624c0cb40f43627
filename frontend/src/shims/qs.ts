/**
 * Stands in for "qs" in the browser bundle (vite.config.ts).
 *
 * @inertiajs/core calls `qs.parse` and `qs.stringify` in one place only: a GET visit given a
 * `data` object merges it into the URL's query string. Vodarr's pages build their URLs
 * themselves and pass `{}` (URLSearchParams does the encoding, lib/*Url), so that path is
 * rarely taken; when it is, this covers what a query string of Vodarr's holds — plain keys,
 * `key[]=a&key[]=b` lists and `key[sub]=v` objects — in a few hundred bytes instead of qs's
 * 10 kB, which went to every first page load.
 */

type Value = string | Value[] | { [key: string]: Value };
type Options = { arrayFormat?: string; encodeValuesOnly?: boolean };

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

export function parse(search: string): Record<string, Value> {
  const result: Record<string, Value> = {};
  for (const [raw, value] of new URLSearchParams(search.replace(/^\?/, ""))) {
    const match = KEY.exec(raw);
    if (!match) {
      result[raw] = value;
      continue;
    }
    const subkeys = [...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "");
    place(result, match[1] ?? raw, subkeys, value);
  }
  return result;
}

function place(target: Record<string, Value>, head: string, rest: string[], value: string): void {
  const [next, ...deeper] = rest;
  if (next === undefined) {
    target[head] = value;
    return;
  }
  if (next === "" || /^\d+$/.test(next)) {
    // A list: `key[]=a&key[]=b`, `key[0]=a`, or a list of objects `key[0][name]=a`.
    const list = Array.isArray(target[head]) ? (target[head] as Value[]) : [];
    target[head] = list;
    const index = next === "" ? list.length : Number(next);
    const [key, ...below] = deeper;
    if (key === undefined) {
      list[index] = value;
      return;
    }
    const item = list[index];
    const child = isObject(item) ? item : {};
    list[index] = child;
    place(child, key, below, value);
    return;
  }
  const current = target[head];
  const child = isObject(current) ? current : {};
  target[head] = child;
  place(child, next, deeper, value);
}

function isObject(value: Value | undefined): value is { [key: string]: Value } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stringify(data: Record<string, unknown>, options: Options = {}): string {
  const format = options.arrayFormat ?? "indices";
  if (format !== "indices" && format !== "brackets") {
    // Inertia asks for one of these two (its `queryStringArrayFormat`); qs knows more.
    throw new Error(`The query-string stand-in writes lists as brackets or indices, not ${format}.`);
  }
  const pairs: string[] = [];
  const indices = format === "indices";
  const add = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => add(`${key}[${indices ? i : ""}]`, item));
    } else if (typeof value === "object") {
      for (const [sub, item] of Object.entries(value as Record<string, unknown>)) add(`${key}[${sub}]`, item);
    } else {
      // qs with encodeValuesOnly leaves the brackets of keys readable, as Django's forms expect.
      pairs.push(`${options.encodeValuesOnly ? key : encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [key, value] of Object.entries(data)) add(key, value);
  return pairs.join("&");
}
