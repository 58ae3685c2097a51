/**
 * Matching a hash route against the app's route table: patterns of literal segments and `:params`
 * ('data/:entity/:id'), first match wins, the segment count must be equal.
 */

export type RouteParams = Record<string, string>;

export function matchPattern(pattern: string, segments: string[]): RouteParams | null {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].startsWith(':')) params[parts[i].slice(1)] = segments[i];
    else if (parts[i] !== segments[i]) return null;
  }
  return params;
}

export function matchRoute<T extends { path: string }>(table: readonly T[], segments: string[]): { entry: T; params: RouteParams } | null {
  for (const entry of table) {
    const params = matchPattern(entry.path, segments);
    if (params) return { entry, params };
  }
  return null;
}
