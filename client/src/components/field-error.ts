// Which field a 400 names, so a form can show the server's words at that field (as
// /register does). The server says 'Invalid field "email": must be an email address…'
// or 'Missing field "email".' (server/plugins/validation.ts).

export interface FieldError<Name extends string> {
  name: Name;
  /** What is wrong with it, as a sentence of its own. */
  text: string;
}

/** The first of `names` the message names, with what it says of it; null when none. */
export function fieldErrorOf<Name extends string>(
  message: string,
  names: readonly Name[],
): FieldError<Name> | null {
  const named = /field "([^"]+)"(?::\s*(.+))?/.exec(message);
  const name = names.find((candidate) => candidate === named?.[1]);
  if (!named || name === undefined) return null;
  const detail = named[2]?.trim();
  const text = detail ? `${detail.charAt(0).toUpperCase()}${detail.slice(1)}` : message;
  return { name, text };
}
