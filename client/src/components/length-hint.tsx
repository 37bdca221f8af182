// The limit of a text field, shown next to it (API.md §4: nothing is cut silently).
// Fields carry no maxLength, which would truncate a paste without a word; instead
// this line says how long the text is, and turns into an error once it is too long.

/** Length as the server counts it: characters (code points), not UTF-16 units. */
export const textLength = (text: string): number => [...text].length;

/** Whether `text` is over `max` characters. */
export const isTooLong = (text: string, max: number): boolean => textLength(text) > max;

export function LengthHint({ id, text, max }: { id: string; text: string; max: number }) {
  const length = textLength(text);
  const over = length > max;
  return (
    <p
      id={id}
      role={over ? 'alert' : undefined}
      className={over ? 'text-sm font-semibold text-red-700' : 'text-xs text-neutral-600'}
    >
      {over
        ? `Too long: ${length} characters, at most ${max}. Shorten it to save.`
        : `${length} / ${max} characters`}
    </p>
  );
}
