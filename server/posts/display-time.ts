// API.md §3 display_time: "Just now" under an hour, then whole hours, then whole days.
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How long ago `then` was, as the course app words it. A future time (clock skew) is "Just now". */
export function displayTime(then: Date, now: Date = new Date()): string {
  const elapsed = now.getTime() - then.getTime();
  if (!(elapsed >= HOUR_MS)) return 'Just now';
  if (elapsed < DAY_MS) {
    const hours = Math.floor(elapsed / HOUR_MS);
    return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  }
  const days = Math.floor(elapsed / DAY_MS);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
