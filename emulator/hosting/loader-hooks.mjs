// Node module hooks (module.register): `cloudflare:workers` resolves to the harness's stand-in.
const SHIM = new URL('./cloudflare-workers.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'cloudflare:workers') return { url: SHIM, shortCircuit: true };
  return nextResolve(specifier, context);
}
