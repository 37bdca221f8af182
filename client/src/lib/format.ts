// Small display rules shared by the screens. Relative times come from the API
// (display_time, API.md §3); these cover what the client words itself.

/** "1 like", "2 likes", "0 likes". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

/** "Be the first to like this", "1 like", "12 likes". */
export function likesLabel(count: number): string {
  return count === 0 ? 'Be the first to like this' : formatCount(count, 'like');
}

/** "View all 3 comments", shown only when there is more than one comment. */
export function viewAllCommentsLabel(count: number): string | null {
  return count > 1 ? `View all ${count} comments` : null;
}

/** "Webdev User", or the username when both names are empty. */
export function displayName(user: {
  first_name: string;
  last_name: string;
  username: string;
}): string {
  const name = `${user.first_name} ${user.last_name}`.trim();
  return name === '' ? user.username : name;
}

/** Up to two initials for an avatar without an image. */
export function initials(user: {
  first_name: string;
  last_name: string;
  username: string;
}): string {
  const letters = [user.first_name, user.last_name]
    .map((part) => part.trim().charAt(0))
    .filter(Boolean)
    .join('');
  return (letters || user.username.charAt(0) || '?').toUpperCase();
}

/** Shortens text for accessible names: "Sunset over the sea" or "A very long capti…". */
export function truncate(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** What a post is called in labels: "post by anna_k: Sunset over the sea". */
export function describePost(post: {
  user: { username: string };
  caption: string | null;
  id: number;
}): string {
  // Without its closing punctuation: the label goes inside sentences ("Could not like
  // the post by anna_k: Sunset. Please try again."), which must not end in "..".
  const caption = post.caption?.trim().replace(/[\s.!?…,;:]+$/u, '');
  return caption !== undefined && caption !== ''
    ? `post by ${post.user.username}: ${truncate(caption, 50)}`
    : `post ${post.id} by ${post.user.username}`;
}
