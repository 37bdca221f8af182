// Which stories this browser has shown, kept in localStorage (a list of story ids,
// the most recent SEEN_MAX), so bubbles of people with nothing new are marked seen.
const KEY = 'photo-app:seen-stories';
const SEEN_MAX = 500;

export function readSeen(): Set<number> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((id) => Number.isInteger(id)) : []);
  } catch {
    return new Set();
  }
}

export function markSeen(id: number): Set<number> {
  const seen = readSeen();
  if (!seen.has(id)) {
    seen.add(id);
    try {
      localStorage.setItem(KEY, JSON.stringify([...seen].slice(-SEEN_MAX)));
    } catch {
      // Storage full or disabled: the bubble is simply not marked next time.
    }
  }
  return seen;
}
