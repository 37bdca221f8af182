// Text limits as the user sees them (API.md §4: too long is refused with a message,
// never cut). The limits themselves come from contract/limits.ts; this file only
// counts and words them, so every form says the same thing.

/** Length as the server counts it: characters (code points), not UTF-16 units. */
export const textLength = (text: string): number => [...text].length;

/** How many characters `text` is over `max`; 0 when it fits. */
export const charactersOver = (text: string, max: number): number =>
  Math.max(0, textLength(text) - max);

/** The counter under a field: "12 / 200 characters". */
export const counterText = (text: string, max: number): string =>
  `${textLength(text).toLocaleString('en')} / ${max.toLocaleString('en')} characters`;

/** The message under a field that is too long, or null when it fits. */
export function overLimitMessage(text: string, max: number, action = 'save'): string | null {
  const over = charactersOver(text, max);
  if (over === 0) return null;
  const characters = over === 1 ? 'character' : 'characters';
  return `${over.toLocaleString('en')} ${characters} over the limit of ${max.toLocaleString('en')}. Shorten it to ${action}.`;
}

/**
 * The first of `fields` that is too long, worded for the form's summary ("The caption
 * is 2,300 characters long, 100 over the limit of 2,200."), or null when all fit.
 */
export function firstOverLimit(
  fields: readonly { name: string; text: string; max: number }[],
): string | null {
  for (const { name, text, max } of fields) {
    const over = charactersOver(text, max);
    if (over > 0) {
      return `${name} is ${textLength(text).toLocaleString('en')} characters long, ${over.toLocaleString('en')} over the limit of ${max.toLocaleString('en')}.`;
    }
  }
  return null;
}
