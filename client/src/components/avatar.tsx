import { useState } from 'react';
import type { User } from '../../../contract';
import { initials } from '../lib/format';

const sizes = {
  xs: 'size-6 text-[10px]',
  sm: 'size-8 text-xs',
  md: 'size-10 text-sm',
  lg: 'size-14 text-base',
} as const;

/**
 * A round avatar; decorative (alt="") because the username is always next to it.
 * Initials stand in when there is no image or it cannot be loaded.
 */
export function Avatar({ user, size = 'md' }: { user: User; size?: keyof typeof sizes | 'xl' }) {
  const src = user.thumb_url ?? user.image_url;
  // The address that failed: a changed URL (an edited post) gets another chance.
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  const broken = brokenSrc !== null && brokenSrc === src;
  const classes = `${size === 'xl' ? 'size-20 text-xl sm:size-28 sm:text-2xl' : sizes[size]} shrink-0 rounded-full bg-neutral-200 object-cover`;
  if (src && !broken) {
    return (
      <img
        src={src}
        alt=""
        className={classes}
        loading="lazy"
        onError={() => setBrokenSrc(src ?? null)}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`${classes} flex items-center justify-center font-semibold text-neutral-700`}
    >
      {initials(user)}
    </span>
  );
}
