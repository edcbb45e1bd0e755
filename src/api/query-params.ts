import * as z from 'zod/mini';
import { isWixId } from '../core/inbox-event.js';
import { once } from '../core/once.js';
import { BadRequestError } from './errors.js';

/** Parameters every authenticated route accepts besides its own: the Wix instance token (see instance-token.ts). */
const authParams = once(() => ({ instance: z.optional(z.string()) }));

/**
 * A route's query parameters, checked by a zod strict object: each parameter at most once, no parameter the route
 * does not take, every value as the route documents it. The first problem is a 400 whose message names the parameter.
 */
export function queryParams<T extends z.core.$ZodLooseShape>(shape: T, params: URLSearchParams): z.output<z.ZodMiniObject<T>> {
  const given: Record<string, string> = Object.create(null);
  for (const name of params.keys()) {
    if (params.getAll(name).length > 1) throw new BadRequestError(`${name} is given more than once; give it once`);
    given[name] = params.get(name)!;
  }
  const parsed = schemaOf(shape).safeParse(given);
  if (!parsed.success) throw new BadRequestError(parsed.error.issues[0]!.message);
  const { instance: _token, ...values } = parsed.data as Record<string, unknown>;
  return values as z.output<z.ZodMiniObject<T>>;
}

/**
 * Each route's schema is built once, on its first request (building one costs more than checking a request with
 * it); pass the same shape object every time (build it with `once` too, so a start that serves no request of the
 * route builds none of it).
 */
const schemas = new WeakMap<z.core.$ZodLooseShape, z.ZodMiniType>();
function schemaOf(shape: z.core.$ZodLooseShape): z.ZodMiniType {
  let schema = schemas.get(shape);
  if (!schema) {
    const known = Object.keys(shape);
    schema = z.strictObject({ ...authParams(), ...shape }, {
      error: (issue) => issue.code === 'unrecognized_keys'
        ? `Unknown parameter ${issue.keys.map((key) => `"${key}"`).join(', ')}: this route takes ${known.join(', ') || 'no parameters'}`
        : undefined,
    });
    schemas.set(shape, schema);
  }
  return schema;
}

/**
 * Reports a problem from inside a `z.transform` (zod/mini gives a transform the parse payload, which has no
 * `addIssue`): the issue is the transform's input with `message`, and the transform's value becomes z.NEVER.
 */
export function refuse(ctx: z.core.ParsePayload, message: string): never {
  ctx.issues.push({ code: 'custom', message, input: ctx.value });
  return z.NEVER;
}

/** An optional whole number from `min` to `max`; absent or empty gives `fallback`. */
export function wholeNumber(name: string, fallback: number, min: number, max: number, rangeMessage?: (value: number) => string) {
  return z.pipe(z.optional(z.string()), z.transform((raw: string | undefined, ctx) => {
    if (raw === undefined || raw === '') return fallback;
    if (!/^-?\d{1,20}$/.test(raw)) return refuse(ctx, `${name} must be a whole number; got "${clip(raw)}"`);
    const value = Number(raw);
    if (value < min || value > max) return refuse(ctx, rangeMessage?.(value) ?? `${name} must be from ${min} to ${max}; got ${raw}`);
    return value;
  }));
}

/** Optional text of at most `max` characters, trimmed; empty gives undefined. */
export function optionalText(name: string, max: number) {
  return z.pipe(
    z.optional(z.string().check(z.maxLength(max, { error: `${name} must be at most ${max} characters` }))),
    z.transform((raw: string | undefined) => raw?.trim() || undefined),
  );
}

/** A Wix ID (a GUID as Wix gives them): letters, digits, `-` and `_`, at most 128 characters. */
export function wixId(name: string, what: string) {
  return z.pipe(
    z.string({ error: `${name} is required: ${what}` }).check(
      z.refine((value) => value.trim() !== '', { error: `${name} is required: ${what}` }),
      z.refine((value) => value.trim() === '' || isWixId(value.trim()), { error: `${name} is not a Wix ID (letters, digits, - and _): ${what}` }),
    ),
    z.transform((value: string) => value.trim()),
  );
}

/** A value as it may be quoted back in a message: short, one line. */
export function clip(value: string, max = 60): string {
  const line = value.replace(/[\r\n\t]/g, ' ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
