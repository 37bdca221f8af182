// Designed loading, empty and error states (skeletons, not spinners).
import { CircleAlert } from 'lucide-react';
import type { ReactNode } from 'react';

export function Skeleton({ className = '' }: { className?: string }) {
  return (
    <div aria-hidden="true" className={`animate-pulse rounded-md bg-neutral-200 ${className}`} />
  );
}

/** Bars standing for lines of text, one a class (its height and width), in a box of `className`. */
export function SkeletonLines({ lines, className }: { lines: string[]; className: string }) {
  return (
    <div className={className}>
      {lines.map((line) => (
        <Skeleton key={line} className={line} />
      ))}
    </div>
  );
}

export function EmptyState({
  icon,
  title,
  children,
}: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-neutral-300 bg-white px-6 py-12 text-center">
      <span className="text-neutral-500">{icon}</span>
      <h2 className="text-base font-semibold">{title}</h2>
      {children ? <div className="max-w-sm text-sm text-neutral-600">{children}</div> : null}
    </div>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-col items-center gap-3 rounded-xl border border-red-200 bg-red-50 px-6 py-8 text-center"
    >
      <CircleAlert aria-hidden="true" className="size-6 text-red-700" />
      <p className="text-sm text-red-800">{message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry} className="btn-secondary">
          Try again
        </button>
      ) : null}
    </div>
  );
}
