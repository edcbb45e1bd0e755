import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { decideAutoReply } from '../src/core/auto-reply/decide.js';
import { KEYWORD_LIMITS, matchKeywordRule } from '../src/core/auto-reply/keywords.js';
import { DEFAULT_SETTINGS, type KeywordRule } from '../src/core/auto-reply/settings.js';
import { validateSettings } from '../src/core/auto-reply/validate-settings.js';
import { parseJsonBody } from '../src/api/json-body.js';
import type { BenchSection } from './figures.js';
import { ms } from './stats.js';

/**
 * `npx tsx bench/keyword-worst-case.ts`, and the "keyword worst case" section of `npm run bench`: the longest the event loop is held by matching keyword rules, at the
 * limits validation allows (50 rules × 20 keywords of up to 100 characters) against a 100 kB message, for the
 * shapes that hurt most: nothing matches (every word read), keywords that share long prefixes with the message
 * (the automaton's fail links walked), and one word 100 kB long. Each figure is the worst of 20 runs (the first,
 * cold one included) with the median beside it.
 */
const RULES = KEYWORD_LIMITS.rules;
const PER_RULE = KEYWORD_LIMITS.keywordsPerRule;
const MESSAGE_BYTES = 100 * 1024;
const RUNS = 20;
/** `--quick`: the same shapes at full size, 3 runs each (the cold first one included). */
const QUICK_RUNS = 3;

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

/** The worst of `runs` runs (the first, cold one included), and the median for a figure that load moves less. */
function timed(task: () => unknown, runs: number): { worst: number; median: number; worstCpu: number } {
  const times: number[] = [];
  let worstCpu = 0;
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    task();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    worstCpu = Math.max(worstCpu, (used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { worst: times.at(-1)!, median: times[Math.floor(times.length / 2)]!, worstCpu };
}
const worstOf = (task: () => unknown, runs: number) => timed(task, runs).worst;
/** Wall-clock worst and median; the CPU time of the costliest run shows what is the work and what is a busy machine. */
const both = ({ worst, median, worstCpu }: { worst: number; median: number; worstCpu: number }) => `${ms(worst)} (median ${ms(median)}, cpu ≤ ${ms(worstCpu)})`;

/** Runs every shape and body `runs` times; the worst event-loop hold (wall clock) and the CPU of the costliest run. */
export function measureKeywordWorstCase(runs: number, print: (line: string) => void): { worstMs: number; worstCpuMs: number } {
  print(`Keyword rules, worst case — node ${process.version}; ${RULES} rules × ${PER_RULE} keywords, ${MESSAGE_BYTES / 1024} kB message, worst of ${runs} runs`);
  let overall = 0;
  let overallCpu = 0;
  for (const { name, rules, message } of shapes) {
    const validated = validateSettings({ keywordRules: rules }, DEFAULT_SETTINGS);
    if (!validated.ok) throw new Error(`the bench's rules are over the limits: ${JSON.stringify(validated.problems.slice(0, 2))}`);
    const settings = validated.settings;
    const match = timed(() => matchKeywordRule(rules, message), runs);
    const decide = timed(() => decideAutoReply({ settings, participantType: 'CONTACT', details: { firstName: 'Ada' }, text: message, at: new Date(), isFirstMessage: true, conversation: {} }), runs);
    const validate = timed(() => validateSettings({ keywordRules: rules }, DEFAULT_SETTINGS), runs);
    overall = Math.max(overall, match.worst, decide.worst, validate.worst);
    overallCpu = Math.max(overallCpu, match.worstCpu, decide.worstCpu, validate.worstCpu);
    print(`- ${name}\n    match ${both(match)}, whole decision ${both(decide)}, validating the rules (PUT /api/settings) ${both(validate)}`);
  }
  // The old matcher takes seconds: left out of the quick run.
  const legacy = runs > QUICK_RUNS ? `; the regex matcher it replaced, first shape, one run: ${ms(worstOf(() => regexMatch(shapes[0]!.rules, shapes[0]!.message), 1))}` : '';
  print(`Worst so far: ${ms(overall)} wall clock, ${ms(overallCpu)} CPU${legacy}.`);

  /** What else a client can make the server parse on PUT /api/settings: the body read as JSON, then validated. */
  const bodies: [string, string][] = [
    ['the largest settings validation accepts', JSON.stringify({ keywordRules: shapes[0]!.rules.map((rule) => ({ ...rule, text: 't'.repeat(1000) })) })],
    ['an object of 40,000 keys (refused before JSON.parse)', JSON.stringify(Object.fromEntries(Array.from({ length: 40_000 }, (_v, i) => [`k${i}`, 1])))],
    ['600 keyword rules (refused by length)', JSON.stringify({ keywordRules: Array.from({ length: 600 }, () => ({ keywords: ['a'], text: 'x' })) })],
    ['a 500 kB reply text of placeholders (just under the body limit)', JSON.stringify({ texts: { CONTACT: '{a}'.repeat(170_000) } })],
  ];
  print(`PUT /api/settings bodies (JSON.parse + validation), worst of ${runs} runs:`);
  for (const [name, body] of bodies) {
    const took = timed(() => {
      try {
        validateSettings(parseJsonBody(body), DEFAULT_SETTINGS);
      } catch {
        // refused: the time to refuse is what counts
      }
    }, runs);
    overall = Math.max(overall, took.worst);
    overallCpu = Math.max(overallCpu, took.worstCpu);
    print(`- ${name} (${Math.round(body.length / 1024)} kB): ${both(took)}`);
  }
  print(`Worst of everything: ${ms(overall)} wall clock, ${ms(overallCpu)} CPU (budget 50 ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores — wall clock past the CPU time is the machine's other work).`);
  return { worstMs: overall, worstCpuMs: overallCpu };
}

export const keywordWorstCase: BenchSection = async ({ quick, print }) => {
  const { worstMs, worstCpuMs } = measureKeywordWorstCase(quick ? QUICK_RUNS : RUNS, print);
  const section = 'No input holds the event loop';
  const shape = `${RULES} × ${PER_RULE} keyword rules, 100 kB messages, settings bodies up to 512 kB`;
  return [
    { section, what: `longest event-loop hold, ${shape} (wall clock)`, unit: 'ms', app: worstMs, better: 'lower', target: 50,
      note: 'worst run of every shape, the cold first run included; past the CPU figure it is other work on the machine' },
    { section, what: 'CPU of the costliest of those runs', unit: 'ms', app: worstCpuMs, better: 'lower',
      note: 'the whole process\'s CPU over that run (garbage collection on other threads included), so it can pass the wall clock' },
  ];
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) measureKeywordWorstCase(RUNS, (line) => console.log(line));
