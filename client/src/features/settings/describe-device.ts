// "Firefox on Windows", "Safari on iPhone": a session's user agent in words a person
// recognises (bowser parses it; the raw string is kept for a title).
import Bowser from 'bowser';

export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const system = parsed.platform.model ?? parsed.os.name;
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  // Not a browser: curl, a script, a course client.
  return userAgent.split(/[\s/]/)[0] || 'Unknown device';
}

/** "26 Nov 2026, 01:15" in the reader's own time zone. */
export function formatWhen(iso: string): string {
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso.replace(' ', 'T')}Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
