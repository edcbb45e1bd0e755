import { performance } from 'node:perf_hooks';
import { decideAutoReply } from '../src/core/auto-reply/decide.js';
import { KEYWORD_LIMITS, matchKeywordRule } from '../src/core/auto-reply/keywords.js';
import { DEFAULT_SETTINGS, type KeywordRule } from '../src/core/auto-reply/settings.js';
import { validateSettings } from '../src/core/auto-reply/validate-settings.js';
import { ms } from './stats.js';

/**
 * `npx tsx bench/keyword-worst-case.ts`: the longest the event loop is held by matching keyword rules, at the
 * limits validation allows (50 rules × 20 keywords of up to 100 characters) against a 100 kB message, for the
 * shapes that hurt most: nothing matches (every word read), keywords that share long prefixes with the message
 * (the automaton's fail links walked), and one word 100 kB long. Each figure is the worst of 20 runs.
 */
const RULES = KEYWORD_LIMITS.rules;
const PER_RULE = KEYWORD_LIMITS.keywordsPerRule;
const MESSAGE_BYTES = 100 * 1024;
const RUNS = 20;

const fill = (unit: string) => unit.repeat(Math.ceil(MESSAGE_BYTES / unit.length)).slice(0, MESSAGE_BYTES);
const rulesOf = (keyword: (rule: number, index: number) => string): KeywordRule[] =>
  Array.from({ length: RULES }, (_r, rule) => ({ keywords: Array.from({ length: PER_RULE }, (_k, index) => keyword(rule, index).slice(0, 100)), text: `Rule ${rule + 1}` }));

const shapes: { name: string; rules: KeywordRule[]; message: string }[] = [
  {
    name: 'distinct phrases, message of other words (no match)',
    rules: rulesOf((rule, index) => `delivery option ${rule} number ${index}`),
    message: fill('lorem ipsum dolor sit amet consectetur adipiscing elit '),
  },
  {
    name: 'keywords "a a a … a z<n>", message "a a a …" (fail links walked)',
    rules: rulesOf((rule, index) => `${'a '.repeat(45)}z${rule}x${index}`),
    message: fill('a '),
  },
  {
    name: 'one word 100 kB long (no separators)',
    rules: rulesOf((rule, index) => `${'b'.repeat(90)}${rule}x${index}`),
    message: fill('b'),
  },
  {
    name: 'the only match is the last rule\'s last keyword, at the end of the read part',
    rules: rulesOf((rule, index) => `word${rule}x${index} tail`),
    message: `${fill('filler text here ').slice(0, KEYWORD_LIMITS.scannedChars - 20)} word49x19 tail`,
  },
];

/** The matcher before this change (one Unicode regex per keyword over the whole message), for comparison. */
function regexMatch(rules: KeywordRule[], message: string): number {
  const norm = (text: string) => text.toLocaleLowerCase('en-US').replace(/\s+/g, ' ').trim();
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return rules.findIndex((rule) => rule.keywords.some((keyword) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escape(norm(keyword))}($|[^\\p{L}\\p{N}])`, 'u').test(norm(message))));
}

function worstOf(task: () => unknown, runs = RUNS): number {
  let worst = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    worst = Math.max(worst, performance.now() - start);
  }
  return worst;
}

console.log(`Keyword rules, worst case — node ${process.version}; ${RULES} rules × ${PER_RULE} keywords, ${MESSAGE_BYTES / 1024} kB message, worst of ${RUNS} runs\n`);
let overall = 0;
for (const { name, rules, message } of shapes) {
  const validated = validateSettings({ keywordRules: rules }, DEFAULT_SETTINGS);
  if (!validated.ok) throw new Error(`the bench's rules are over the limits: ${JSON.stringify(validated.problems.slice(0, 2))}`);
  const settings = validated.settings;
  const match = worstOf(() => matchKeywordRule(rules, message));
  const decide = worstOf(() => decideAutoReply({ settings, participantType: 'CONTACT', details: { firstName: 'Ada' }, text: message, at: new Date(), isFirstMessage: true, conversation: {} }));
  const validate = worstOf(() => validateSettings({ keywordRules: rules }, DEFAULT_SETTINGS));
  overall = Math.max(overall, match, decide, validate);
  console.log(`- ${name}\n    match ${ms(match)}, whole decision ${ms(decide)}, validating the rules (PUT /api/settings) ${ms(validate)}`);
}
const legacy = worstOf(() => regexMatch(shapes[0]!.rules, shapes[0]!.message), 1);
console.log(`\nWorst: ${ms(overall)} (budget 50 ms). The regex matcher it replaced, first shape, one run: ${ms(legacy)}.`);
