import type { PersonDetails } from '../display-name.js';

/** The values a reply text can use; each may be unknown. */
export interface PlaceholderValues {
  firstName?: string;
  name?: string;
  nickname?: string;
  businessName?: string;
}

export const PLACEHOLDERS = ['firstName', 'name', 'nickname', 'businessName'] as const;

/** What an unknown value becomes when the text gives no fallback of its own. */
export const DEFAULT_FALLBACKS: Record<(typeof PLACEHOLDERS)[number], string> = {
  firstName: 'there',
  name: 'there',
  nickname: 'there',
  businessName: 'our team',
};

/** `{name}` or `{name|fallback}`; the fallback may not contain braces. */
export const PLACEHOLDER_PATTERN = /\{([A-Za-z]+)(?:\|([^{}]*))?\}/g;

/**
 * Fills a reply text. `{firstName|friend}` gives "friend" when the first name is unknown; without a fallback
 * the default one is used. An unknown placeholder is left as written (validation refuses it beforehand).
 */
export function renderText(template: string, values: PlaceholderValues): string {
  const rendered = template.replace(PLACEHOLDER_PATTERN, (whole, key: string, fallback: string | undefined) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(key)) return whole;
    const value = values[key as keyof PlaceholderValues]?.trim();
    if (value) return value;
    return fallback ?? DEFAULT_FALLBACKS[key as keyof typeof DEFAULT_FALLBACKS];
  });
  return rendered.replace(/[ \t]+([,.!?])/g, '$1').replace(/[ \t]{2,}/g, ' ').trim();
}

/** The placeholder values of a person: name is "first last", else the nickname. */
export function valuesOf(details: PersonDetails, businessName?: string): PlaceholderValues {
  const fullName = [details.firstName, details.lastName].map((part) => part?.trim()).filter(Boolean).join(' ');
  return {
    firstName: details.firstName,
    name: fullName || details.nickname,
    nickname: details.nickname,
    businessName,
  };
}

/** Placeholders a text uses that do not exist (for validation). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER_PATTERN)]
    .map((match) => match[1]!)
    .filter((key) => !(PLACEHOLDERS as readonly string[]).includes(key));
}
