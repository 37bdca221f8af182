import type { User } from '../../../contract';
import { initials } from '../lib/format';

const sizes = { sm: 'size-8 text-xs', md: 'size-10 text-sm', lg: 'size-14 text-base' } as const;

/** A round avatar; decorative (alt="") because the username is always next to it. */
export function Avatar({ user, size = 'md' }: { user: User; size?: keyof typeof sizes }) {
  const src = user.thumb_url ?? user.image_url;
  const classes = `${sizes[size]} shrink-0 rounded-full bg-neutral-200 object-cover`;
  if (src) return <img src={src} alt="" className={classes} loading="lazy" />;
  return (
    <span
      aria-hidden="true"
      className={`${classes} flex items-center justify-center font-semibold text-neutral-700`}
    >
      {initials(user)}
    </span>
  );
}
