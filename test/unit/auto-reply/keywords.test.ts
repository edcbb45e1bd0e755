import { describe, expect, it } from 'vitest';
import { KEYWORD_LIMITS, matchKeywordRule, wordsOf } from '../../../src/core/auto-reply/keywords.js';
import type { KeywordRule } from '../../../src/core/auto-reply/settings.js';

const rules = (...keywordLists: string[][]): KeywordRule[] => keywordLists.map((keywords, i) => ({ keywords, text: `rule ${i + 1}` }));
const matched = (list: KeywordRule[], message: string | undefined) => matchKeywordRule(list, message)?.index;

describe('matchKeywordRule', () => {
  it.each<[string, string[][], string, number | undefined]>([
    ['a whole word in any case', [['price']], 'What is the PRICE?', 0],
    ['not part of a longer word', [['price']], 'that is priceless', undefined],
    ['a phrase, punctuation between its words ignored', [['price list']], 'send the price-list please', 0],
    ['a phrase only with its words in order', [['price list']], 'list the price', undefined],
    ['the first rule in the owner\'s order, wherever its keyword is', [['hours'], ['price']], 'price and hours?', 0],
    ['a later rule when the first has no keyword in the message', [['hours'], ['price']], 'the price?', 1],
    ['a phrase found after a false start that shares its prefix', [['a b c']], 'a b a b c', 0],
    ['a short keyword inside a longer phrase being read', [['big cake order'], ['cake']], 'a big cake please', 1],
    ['letters with accents', [['pão']], 'Tem PÃO de ló?', 0],
    ['digits', [['24h']], 'open 24h?', 0],
    ['nothing for no message', [['price']], '', undefined],
    ['a keyword with no letter or digit never matches', [['?!']], 'what?!', undefined],
  ])('%s', (_label, keywordLists, message, expected) => {
    expect(matched(rules(...keywordLists), message)).toBe(expected);
  });

  it('reads only the first characters of a message', () => {
    const at = (offset: number) => `${'x '.repeat(offset / 2)}price`;
    expect(matched(rules(['price']), at(KEYWORD_LIMITS.scannedChars - 10))).toBe(0);
    expect(matched(rules(['price']), at(KEYWORD_LIMITS.scannedChars + 10))).toBeUndefined();
  });

  it('ignores rules and keywords past the limits, even if they were stored', () => {
    const many = Array.from({ length: KEYWORD_LIMITS.rules + 1 }, (_v, i) => [`word${i}`]);
    expect(matched(rules(...many), `word${KEYWORD_LIMITS.rules}`)).toBeUndefined();
    const wide = [Array.from({ length: KEYWORD_LIMITS.keywordsPerRule + 1 }, (_v, i) => `word${i}`)];
    expect(matched(rules(...wide), `word${KEYWORD_LIMITS.keywordsPerRule}`)).toBeUndefined();
  });

  it('holds the event loop well under 50 ms at the limits against a 100 kB message', () => {
    const worst = Array.from({ length: KEYWORD_LIMITS.rules }, (_r, rule) => ({
      keywords: Array.from({ length: KEYWORD_LIMITS.keywordsPerRule }, (_k, i) => `${'a '.repeat(45)}z${rule}x${i}`), text: 'x',
    }));
    const message = 'a '.repeat(50 * 1024);
    const times = Array.from({ length: 5 }, () => {
      const start = performance.now();
      matchKeywordRule(worst, message);
      return performance.now() - start;
    });
    expect(Math.min(...times)).toBeLessThan(50);
  });
});

describe('wordsOf', () => {
  it('lower-cases and splits on anything that is not a letter, digit or mark', () => {
    expect(wordsOf('Olá, Ana! Wi-Fi 24h…')).toEqual(['olá', 'ana', 'wi', 'fi', '24h']);
  });
});
