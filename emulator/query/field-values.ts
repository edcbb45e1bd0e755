/**
 * The values at a dotted path; arrays along the way are searched element by element,
 * so `info.emails.items.email` reaches every email. Wix Data dates `{$date}` read as ISO strings.
 */
export function valuesAt(document: unknown, path: string): unknown[] {
  let current: unknown[] = [document];
  for (const segment of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current.flatMap((v) => (Array.isArray(v) ? v : [v]))) {
      if (value !== null && typeof value === 'object' && segment in value) {
        next.push((value as Record<string, unknown>)[segment]);
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).map(plain);
}

/** A comparable scalar: `{$date: iso}` becomes the ISO string. */
export function plain(value: unknown): unknown {
  if (value && typeof value === 'object' && '$date' in value) return (value as { $date: unknown }).$date;
  return value;
}

export function compareValues(a: unknown, b: unknown): number {
  const x = plain(a);
  const y = plain(b);
  if (x === y) return 0;
  if (x === undefined || x === null) return -1;
  if (y === undefined || y === null) return 1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : 1;
}
