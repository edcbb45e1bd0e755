import * as z from 'zod/mini';
import { once } from '../once.js';
import { PARTICIPANT_TYPES } from '../participant.js';
import { isTimeZone, minutesOf } from './business-hours.js';
import { KEYWORD_LIMITS, wordsOf } from './keywords.js';
import { unknownPlaceholders } from './render.js';
import { CHANNELS, WEEKDAYS, type AutoReplySettings } from './settings.js';

/** One thing wrong with submitted settings: the field's path and what is wrong with it. */
export interface SettingsProblem {
  field: string;
  problem: string;
}

/** Characters in a reply text (per type, the away text, a keyword rule's text). */
export const MAX_TEXT = 1000;
export const MAX_BUSINESS_NAME = 200;
export const MAX_KEYWORD_RULES = KEYWORD_LIMITS.rules;
export const MAX_KEYWORDS_PER_RULE = KEYWORD_LIMITS.keywordsPerRule;
export const MAX_KEYWORD_LENGTH = KEYWORD_LIMITS.keywordLength;
export const MAX_INTERVALS_PER_DAY = 10;
/** The most problems one answer lists: enough to fix a form, never a megabyte of them. */
export const MAX_PROBLEMS = 50;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * An object that names every key it accepts: any other key (`__proto__`, `constructor` and `toString` included)
 * is refused, never copied.
 */
function strict<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  const keys = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `is not one of ${keys}` : what),
  });
}

/**
 * A list of at most `max` items, its length checked before any item is: a list of 100,000 items costs one
 * comparison, not 100,000 parses.
 */
function boundedList<T extends z.core.$ZodType>(item: T, max: number, notList: string, tooMany: string) {
  return z.pipe(
    z.unknown().check(z.refine((value) => !Array.isArray(value) || value.length <= max, { error: tooMany })),
    z.array(item, { error: notList }),
  );
}

/**
 * A text sent to a person, with known placeholders. Empty is allowed and means "no auto-reply for them": the
 * settings tab says so beside the field, in the preview and next to Save, so the owner chooses it knowingly.
 */
const replyText = (max = MAX_TEXT) => z.string({ error: 'must be text' }).check(
  z.maxLength(max, { error: `must be at most ${max} characters` }),
  z.superRefine((value, ctx) => {
    if (value.length > max) return;
    for (const name of new Set(unknownPlaceholders(value))) {
      ctx.addIssue({ code: 'custom', message: `has unknown placeholder {${name}}; use {firstName}, {name}, {nickname} or {businessName}` });
    }
  }),
);

const numberFrom = (min: number, max: number) => {
  const message = `must be a number from ${min} to ${max}`;
  return z.number({ error: message }).check(z.gte(min, { error: message }), z.lte(max, { error: message }));
};

/** The settings a change may give, each optional: built on the first check of settings, not at start. */
const settingsSchema = once(() => {
  const bool = z.boolean({ error: 'must be true or false' });

  const interval = strict({
    from: z.string({ error: 'must be a time "HH:MM" from 00:00 to 23:59' }).check(z.regex(HHMM, { error: 'must be a time "HH:MM" from 00:00 to 23:59' })),
    to: z.string({ error: 'must be a time "HH:MM" from 00:01 to 24:00' }).check(z.regex(HHMM, { error: 'must be a time "HH:MM" from 00:01 to 24:00' })),
  }, 'must be {from: "HH:MM", to: "HH:MM"}').check(z.superRefine((value, ctx) => {
    if (HHMM.test(value.from) && HHMM.test(value.to) && minutesOf(value.to) <= minutesOf(value.from)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from (split a night across two days)' });
    }
  }));

  const keyword = z.string({ error: 'must be a list of words' }).check(
    z.maxLength(MAX_KEYWORD_LENGTH, { error: `must have keywords of at most ${MAX_KEYWORD_LENGTH} characters` }),
    z.refine((value) => wordsOf(value).length > 0, { error: 'must be a non-empty list of words (each with a letter or digit)' }),
  );

  const keywordRule = strict({
    keywords: boundedList(keyword, MAX_KEYWORDS_PER_RULE, 'must be a non-empty list of words', `must have at most ${MAX_KEYWORDS_PER_RULE} keywords`)
      .check(z.refine((list) => list.length > 0, { error: 'must be a non-empty list of words' })),
    text: replyText(),
  }, 'must be {keywords: [...], text}');

  const intervals = boundedList(interval, MAX_INTERVALS_PER_DAY, 'must be a list of {from, to} times', `must have at most ${MAX_INTERVALS_PER_DAY} opening intervals`);
  const weekly = z.partial(strict(Object.fromEntries(WEEKDAYS.map((day) => [day, intervals])) as
    Record<(typeof WEEKDAYS)[number], typeof intervals>, `must be an object with ${WEEKDAYS.join(', ')}`));

  return z.partial(strict({
    enabled: bool,
    texts: z.partial(strict(Object.fromEntries(PARTICIPANT_TYPES.map((type) => [type, replyText()])) as
      Record<(typeof PARTICIPANT_TYPES)[number], ReturnType<typeof replyText>>, `must be an object with ${PARTICIPANT_TYPES.join(', ')}`)),
    businessName: z.string({ error: 'must be text' }).check(z.maxLength(MAX_BUSINESS_NAME, { error: `must be at most ${MAX_BUSINESS_NAME} characters` })),
    cooldownHours: numberFrom(0, 24 * 365),
    firstMessageOnly: bool,
    businessHours: z.partial(strict({
      enabled: bool,
      timeZone: z.string({ error: 'must be an IANA time zone' }).check(z.refine(isTimeZone, { error: 'must be an IANA time zone' })),
      weekly,
      awayText: replyText(),
    }, 'must be an object with enabled, timeZone, weekly, awayText')),
    channels: z.partial(strict(Object.fromEntries(CHANNELS.map((channel) => [channel, bool])) as Record<(typeof CHANNELS)[number], typeof bool>,
      `must be an object with ${CHANNELS.join(', ')}`)),
    keywordRules: boundedList(keywordRule, MAX_KEYWORD_RULES, 'must be a list of {keywords, text}', `must have at most ${MAX_KEYWORD_RULES} rules`),
    quietWhileBusinessMinutes: numberFrom(0, 24 * 60),
  }, 'must be a JSON object of settings'));
});

/** The settings' names, as a problem with an unknown one lists them. */
const known = once(() => Object.keys(settingsSchema().shape).join(', '));

/**
 * Checks a settings change (a partial object laid over the current settings). Returns every problem, each naming
 * its field, in the order the fields were given, or the merged settings. Unknown keys are refused, never saved.
 */
export function validateSettings(input: unknown, current: AutoReplySettings):
  { ok: true; settings: AutoReplySettings } | { ok: false; problems: SettingsProblem[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ field: '(body)', problem: 'must be a JSON object of settings' }] };
  }
  const parsed = settingsSchema().safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, MAX_PROBLEMS).flatMap((issue) => problemsOf(issue, input)).slice(0, MAX_PROBLEMS);
    return { ok: false, problems: inGivenOrder(problems, input) };
  }
  const patch = parsed.data as Partial<AutoReplySettings>;
  const settings: AutoReplySettings = {
    ...current,
    ...patch,
    texts: { ...current.texts, ...patch.texts },
    businessHours: { ...current.businessHours, ...patch.businessHours, weekly: { ...current.businessHours.weekly, ...patch.businessHours?.weekly } },
    channels: { ...current.channels, ...patch.channels },
  };
  return { ok: true, settings };
}

function problemsOf(issue: z.core.$ZodIssue, input: object): SettingsProblem[] {
  const path = keywordsCollapsed(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.slice(0, MAX_PROBLEMS).map((key) => path.length === 0
      ? { field: key, problem: `is not a setting; known: ${known()}` }
      : { field: fieldOf([...path, key]), problem: issue.message });
  }
  if (fieldOf(path) === 'businessHours.timeZone') {
    const given = (input as { businessHours?: { timeZone?: unknown } }).businessHours?.timeZone;
    return [{ field: 'businessHours.timeZone', problem: `must be an IANA time zone such as "Europe/Lisbon"; got ${JSON.stringify(given)}` }];
  }
  return [{ field: fieldOf(path), problem: issue.message }];
}

/** A problem with one keyword is shown on the rule's keywords field (the form has one control for them all). */
function keywordsCollapsed(path: readonly PropertyKey[]): PropertyKey[] {
  const at = path.indexOf('keywords');
  return at === -1 ? [...path] : path.slice(0, at + 1);
}

/** `['keywordRules', 0, 'text']` → `keywordRules[0].text`. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, key) => (typeof key === 'number' ? `${field}[${key}]` : field ? `${field}.${String(key)}` : String(key)), '');
}

/** Problems of the first field given first; the same problem once. */
function inGivenOrder(problems: SettingsProblem[], input: object): SettingsProblem[] {
  const order = Object.keys(input);
  const rank = (p: SettingsProblem) => order.indexOf(p.field.split(/[.[]/)[0]!);
  const seen = new Set<string>();
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => rank(a.problem) - rank(b.problem) || a.index - b.index)
    .map(({ problem }) => problem)
    .filter((p) => {
      const key = `${p.field}\u0000${p.problem}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
}
