import type { BuiltApp } from './built-app.js';

/** Names a request by what it is: the webhook's event type, or the method and the route it matched. */
export function requestKinds(app: BuiltApp): (method: string, path: string) => string {
  const slugByPath = new Map(Object.entries(app.webhooks).map(([slug, path]) => [path, slug]));
  const routes = app.routes
    .map((route) => ({ route, pattern: routePattern(route) }))
    // Static routes before dynamic ones, longer before shorter, as Astro ranks them.
    .sort((a, b) => Number(a.route.includes('[')) - Number(b.route.includes('[')) || b.route.length - a.route.length);
  return (method, path) => {
    const slug = slugByPath.get(path);
    if (slug) return slug;
    const match = routes.find((r) => r.pattern.test(path));
    return `${method} ${match ? match.route : path}`;
  };
}

function routePattern(route: string): RegExp {
  const source = route.split('/').map((part) => {
    if (/^\[\.\.\..+\]$/.test(part)) return '.*';
    if (/^\[.+\]$/.test(part)) return '[^/]+';
    return part.replace(/[.*+?^${}()|\\]/g, '\\$&');
  }).join('/');
  return new RegExp(`^${source}/?$`);
}
