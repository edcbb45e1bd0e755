import type { KeywordRule } from './settings.js';

/** Lower case, accents kept, runs of space folded: how a keyword and a message are compared. */
function normalise(text: string): string {
  return text.toLocaleLowerCase('en-US').replace(/\s+/g, ' ').trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A keyword (or phrase) appears as whole words: "price" matches "Price?" but not "priceless". */
export function containsKeyword(message: string, keyword: string): boolean {
  const needle = normalise(keyword);
  if (!needle) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(needle)}($|[^\\p{L}\\p{N}])`, 'u').test(normalise(message));
}

/** The first rule, in the owner's order, with a keyword in the message. */
export function matchKeywordRule(rules: readonly KeywordRule[], message: string | undefined): { rule: KeywordRule; index: number } | undefined {
  if (!message) return undefined;
  const index = rules.findIndex((rule) => rule.keywords.some((keyword) => containsKeyword(message, keyword)));
  return index === -1 ? undefined : { rule: rules[index]!, index };
}
