import type { Route } from './router.js';

/** The known routes closest to an unknown request, to put in the 404 message. */
export function nearestRoutes(routes: Route[], method: string, path: string, count = 3): string[] {
  const wanted = `${method} ${path.replace(/[0-9a-f-]{36}/gi, '{id}')}`;
  return routes
    .map((r) => `${r.method} ${r.template}`)
    .map((name) => ({ name, distance: editDistance(wanted, name.replace(/\{[^}]+\}/g, '{id}')) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count)
    .map((entry) => entry.name);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
