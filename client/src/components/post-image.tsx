// A post's photo from wherever it lives (this server, picsum, a class's LAN). When it
// cannot be loaded, a designed panel shows what the photo was: its alt text.
import { ImageOff } from 'lucide-react';
import { useState } from 'react';

export function PostImage({
  src,
  alt,
  className = '',
  lazy = true,
}: {
  src: string;
  alt: string;
  className?: string;
  lazy?: boolean;
}) {
  // The address that failed: a changed URL (an edited post) gets another chance.
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  const broken = brokenSrc !== null && brokenSrc === src;
  if (broken) {
    return (
      <div
        role="img"
        aria-label={`${alt} (the image could not be loaded)`}
        data-testid="image-fallback"
        className={`flex flex-col items-center justify-center gap-2 bg-neutral-100 p-6 text-center text-neutral-700 ${className}`}
      >
        <ImageOff aria-hidden="true" className="size-8 text-neutral-500" />
        <p aria-hidden="true" className="max-w-xs text-sm break-words">
          {alt}
        </p>
        <p aria-hidden="true" className="text-xs text-neutral-500">
          The image could not be loaded.
        </p>
      </div>
    );
  }
  return (
    <img
      src={src}
      alt={alt}
      className={`bg-neutral-100 ${className}`}
      loading={lazy ? 'lazy' : 'eager'}
      onError={() => setBrokenSrc(src ?? null)}
    />
  );
}
