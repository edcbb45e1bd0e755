import { PARTICIPANT_TYPES } from '../participant.js';
import { isTimeZone, minutesOf } from './business-hours.js';
import { unknownPlaceholders } from './render.js';
import { CHANNELS, WEEKDAYS, type AutoReplySettings } from './settings.js';

/** One thing wrong with submitted settings: the field's path and what is wrong with it. */
export interface SettingsProblem {
  field: string;
  problem: string;
}

export const MAX_TEXT = 1000;
export const MAX_KEYWORD_RULES = 50;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

type Check = (value: unknown, field: string, problems: SettingsProblem[]) => void;

const bool: Check = (v, field, p) => { if (typeof v !== 'boolean') p.push({ field, problem: 'must be true or false' }); };
const text: Check = (v, field, p) => {
  if (typeof v !== 'string') return void p.push({ field, problem: 'must be text' });
  if (v.length > MAX_TEXT) p.push({ field, problem: `must be at most ${MAX_TEXT} characters` });
  for (const name of unknownPlaceholders(v)) p.push({ field, problem: `has unknown placeholder {${name}}; use {firstName}, {name}, {nickname} or {businessName}` });
};
const number = (min: number, max: number): Check => (v, field, p) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) p.push({ field, problem: `must be a number from ${min} to ${max}` });
};
const record = (keys: readonly string[], each: Check): Check => (v, field, p) => {
  if (!isObject(v)) return void p.push({ field, problem: `must be an object with ${keys.join(', ')}` });
  for (const key of Object.keys(v)) if (!keys.includes(key)) p.push({ field: `${field}.${key}`, problem: `is not one of ${keys.join(', ')}` });
  for (const key of keys) if (key in v) each(v[key], `${field}.${key}`, p);
};
const intervals: Check = (v, field, p) => {
  if (!Array.isArray(v)) return void p.push({ field, problem: 'must be a list of {from, to} times' });
  v.forEach((interval, i) => {
    const at = `${field}[${i}]`;
    if (!isObject(interval) || typeof interval.from !== 'string' || typeof interval.to !== 'string') return void p.push({ field: at, problem: 'must be {from: "HH:MM", to: "HH:MM"}' });
    if (!HHMM.test(interval.from)) p.push({ field: `${at}.from`, problem: 'must be a time "HH:MM" from 00:00 to 23:59' });
    if (!HHMM.test(interval.to)) p.push({ field: `${at}.to`, problem: 'must be a time "HH:MM" from 00:01 to 24:00' });
    else if (HHMM.test(interval.from) && minutesOf(interval.to) <= minutesOf(interval.from)) p.push({ field: `${at}.to`, problem: 'must be after from (split a night across two days)' });
  });
};
const keywordRules: Check = (v, field, p) => {
  if (!Array.isArray(v)) return void p.push({ field, problem: 'must be a list of {keywords, text}' });
  if (v.length > MAX_KEYWORD_RULES) p.push({ field, problem: `must have at most ${MAX_KEYWORD_RULES} rules` });
  v.forEach((rule, i) => {
    const at = `${field}[${i}]`;
    if (!isObject(rule)) return void p.push({ field: at, problem: 'must be {keywords: [...], text}' });
    const words = rule.keywords;
    if (!Array.isArray(words) || words.length === 0 || words.some((w) => typeof w !== 'string' || !w.trim())) p.push({ field: `${at}.keywords`, problem: 'must be a non-empty list of words' });
    text(rule.text, `${at}.text`, p);
    if (typeof rule.text === 'string' && !rule.text.trim()) p.push({ field: `${at}.text`, problem: 'must not be empty' });
  });
};
const timeZone: Check = (v, field, p) => {
  if (typeof v !== 'string' || !isTimeZone(v)) p.push({ field, problem: `must be an IANA time zone such as "Europe/Lisbon"; got ${JSON.stringify(v)}` });
};

const FIELDS: Record<keyof AutoReplySettings, Check> = {
  enabled: bool,
  texts: record(PARTICIPANT_TYPES, text),
  businessName: (v, field, p) => { if (v !== undefined) text(v, field, p); },
  cooldownHours: number(0, 24 * 365),
  firstMessageOnly: bool,
  businessHours: record(['enabled', 'timeZone', 'weekly', 'awayText'], (v, field, p) => {
    const key = field.split('.').pop();
    if (key === 'enabled') bool(v, field, p);
    else if (key === 'timeZone') timeZone(v, field, p);
    else if (key === 'awayText') text(v, field, p);
    else record(WEEKDAYS, intervals)(v, field, p);
  }),
  channels: record(CHANNELS, bool),
  keywordRules,
  quietWhileBusinessMinutes: number(0, 24 * 60),
};

/**
 * Checks a settings change (a partial object laid over the current settings). Returns every problem,
 * each naming its field, or the merged settings.
 */
export function validateSettings(input: unknown, current: AutoReplySettings):
  { ok: true; settings: AutoReplySettings } | { ok: false; problems: SettingsProblem[] } {
  if (!isObject(input)) return { ok: false, problems: [{ field: '(body)', problem: 'must be a JSON object of settings' }] };
  const problems: SettingsProblem[] = [];
  for (const [key, value] of Object.entries(input)) {
    const check = FIELDS[key as keyof AutoReplySettings];
    if (!check) problems.push({ field: key, problem: `is not a setting; known: ${Object.keys(FIELDS).join(', ')}` });
    else check(value, key, problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  const patch = input as Partial<AutoReplySettings>;
  const settings: AutoReplySettings = {
    ...current,
    ...patch,
    texts: { ...current.texts, ...patch.texts },
    businessHours: { ...current.businessHours, ...patch.businessHours, weekly: { ...current.businessHours.weekly, ...patch.businessHours?.weekly } },
    channels: { ...current.channels, ...patch.channels },
  };
  return { ok: true, settings };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
