// Letter case for the user search, decided here rather than by the database:
// SQLite's lower() folds ASCII only, PostgreSQL's folds every script (in a UTF-8
// database), so "ÉLODIE" found "élodie" on one and not the other. A search character
// matches the characters of its case class: the ones that are the same letter in
// another case as JavaScript maps them (é É; σ ς Σ; k K and the Kelvin sign).

/** The class's shared key: the lower case of the upper case, when both are one character. */
function caseKey(char: string): string {
  const upper = char.toUpperCase();
  const key = [...upper].length === 1 ? upper.toLowerCase() : char.toLowerCase();
  // The dotless ı upper-cases to I, yet is a letter of its own (Turkish).
  return [...key].length === 1 && char !== 'ı' ? key : char;
}

let classes: Map<string, readonly string[]> | undefined;

/** Every cased character of the first two planes, by member, built on the first search. */
function buildClasses(): Map<string, readonly string[]> {
  const byKey = new Map<string, string[]>();
  for (let point = 0; point <= 0x1ffff; point += 1) {
    if (point >= 0xd800 && point <= 0xdfff) continue;
    const char = String.fromCodePoint(point);
    const key = caseKey(char);
    if (key === char && char.toUpperCase() === char) continue; // uncased, or a lone key
    const members = byKey.get(key) ?? [key];
    if (!members.includes(char)) members.push(char);
    byKey.set(key, members);
  }
  const byMember = new Map<string, readonly string[]>();
  for (const members of byKey.values()) {
    if (members.length > 1) for (const member of members) byMember.set(member, members);
  }
  return byMember;
}

/** The characters a search character matches, itself included. */
export function caseClass(char: string): readonly string[] {
  classes ??= buildClasses();
  return classes.get(char) ?? [char];
}

/** ASCII-only lower case: SQLite's lower(), and PostgreSQL's in a C-locale database. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
