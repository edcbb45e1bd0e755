/**
 * A value built on first use and then kept: `once(build)` returns a getter that calls `build` the first time it is
 * asked and hands back that same value ever after. For what is costly to build and may never be needed (a schema
 * no request of this run checks), so a start pays nothing for it.
 */
export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
