import type { KeywordRule } from './settings.js';

/**
 * Bounds that keep matching cheap whatever a site saved or a visitor wrote: validation refuses more than this
 * (see validate-settings.ts), and the matcher never looks past them either, so settings stored before a limit
 * existed cannot stall the event loop.
 */
export const KEYWORD_LIMITS = {
  /** Keyword rules per site. */
  rules: 50,
  /** Keywords (words or phrases) per rule. */
  keywordsPerRule: 20,
  /** Characters per keyword. */
  keywordLength: 100,
  /** Characters of a message that are looked at: a keyword after this does not count. */
  scannedChars: 10_000,
} as const;

/** A word: a run of letters, digits and their combining marks. Everything else (space, punctuation) separates words. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a text, lower-cased: how both a keyword and a message are compared. */
export function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase('en-US').match(WORD) ?? [];
}

/** One state of the word-level Aho–Corasick automaton: after reading some words, where each next word leads. */
interface State {
  next: Map<string, number>;
  fail: number;
  /** The lowest rule index among keywords ending here (own or through the fail chain); Infinity if none. */
  best: number;
}

/**
 * The keyword rules as one automaton over words: a message is read once, word by word, and every keyword of every
 * rule is found in the same pass (linear in the message's words however many keywords there are).
 */
function automatonOf(rules: readonly KeywordRule[]): State[] {
  const states: State[] = [{ next: new Map(), fail: 0, best: Infinity }];
  rules.slice(0, KEYWORD_LIMITS.rules).forEach((rule, index) => {
    for (const keyword of rule.keywords.slice(0, KEYWORD_LIMITS.keywordsPerRule)) {
      const words = wordsOf(keyword.slice(0, KEYWORD_LIMITS.keywordLength));
      if (words.length === 0) continue;
      let at = 0;
      for (const word of words) {
        let to = states[at]!.next.get(word);
        if (to === undefined) {
          to = states.push({ next: new Map(), fail: 0, best: Infinity }) - 1;
          states[at]!.next.set(word, to);
        }
        at = to;
      }
      states[at]!.best = Math.min(states[at]!.best, index);
    }
  });
  const queue: number[] = [...states[0]!.next.values()];
  for (let head = 0; head < queue.length; head++) {
    const from = states[queue[head]!]!;
    for (const [word, to] of from.next) {
      let fail = from.fail;
      while (fail !== 0 && !states[fail]!.next.has(word)) fail = states[fail]!.fail;
      const target = states[fail]!.next.get(word);
      states[to]!.fail = target !== undefined && target !== to ? target : 0;
      states[to]!.best = Math.min(states[to]!.best, states[states[to]!.fail]!.best);
      queue.push(to);
    }
  }
  return states;
}

/**
 * The first rule, in the owner's order, with a keyword in the message. A keyword matches whole words in any case,
 * punctuation between words ignored: "price" matches "Price?" but not "priceless"; "price list" matches "price-list".
 * Only the first `KEYWORD_LIMITS.scannedChars` characters of the message are read.
 */
export function matchKeywordRule(rules: readonly KeywordRule[], message: string | undefined): { rule: KeywordRule; index: number } | undefined {
  if (!message || rules.length === 0) return undefined;
  const states = automatonOf(rules);
  let at = 0;
  let best = Infinity;
  for (const word of wordsOf(message.slice(0, KEYWORD_LIMITS.scannedChars))) {
    while (at !== 0 && !states[at]!.next.has(word)) at = states[at]!.fail;
    at = states[at]!.next.get(word) ?? 0;
    if (states[at]!.best < best) {
      best = states[at]!.best;
      if (best === 0) break;
    }
  }
  return best === Infinity ? undefined : { rule: rules[best]!, index: best };
}
