import type { DataItems } from '../data-store/data-items.js';

/** The methods of a Wix Data query or aggregation builder that send its request. */
const SENDS = new Set(['find', 'count', 'distinct', 'run']);
/** What each counting builder wraps, so a builder passed to another (`.or(q)`, `.and(q)`) is the SDK's own. */
const wrapped = new WeakMap<object, object>();

/**
 * The Wix calls one request makes through its ports, counted as they are made (the runtime's token and trace are
 * not: they are the same in every request). Lets a request know whether it has room for upkeep within its budget.
 */
export function callCount() {
  let made = 0;
  const named = new Map<string, number>();
  const onCall = () => { made += 1; };
  /** Counts every call of `fn`; a `name` counts them apart too (`made(name)`). */
  const counted = <F extends (...args: any[]) => unknown>(fn: F, name?: string): F => ((...args: unknown[]) => {
    onCall();
    if (name) named.set(name, (named.get(name) ?? 0) + 1);
    return fn(...args);
  }) as F;
  return {
    /** Every call so far, or those counted under one name. */
    made: (name?: string) => (name === undefined ? made : named.get(name) ?? 0),
    counted,
    items(items: DataItems): DataItems {
      return {
        insert: counted(items.insert), save: counted(items.save), get: counted(items.get), bulkSave: counted(items.bulkSave),
        bulkRemove: counted(items.bulkRemove), asyncRemoveByFilter: counted(items.asyncRemoveByFilter),
        query: (collection) => countingBuilder(items.query(collection), onCall),
        aggregate: (collection) => countingBuilder(items.aggregate(collection), onCall),
        filter: () => items.filter(),
      };
    },
  };
}

function countingBuilder<T extends object>(builder: T, onCall: () => void): T {
  const proxy = new Proxy(builder, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const own = args.map((arg) => (arg !== null && typeof arg === 'object' && wrapped.get(arg)) || arg);
        if (SENDS.has(String(property))) onCall();
        const result = (value as (...a: unknown[]) => unknown).apply(target, own);
        const chained = result !== null && typeof result === 'object' && !(result instanceof Promise);
        return chained ? countingBuilder(result as object, onCall) : result;
      };
    },
  });
  wrapped.set(proxy, builder);
  return proxy;
}
