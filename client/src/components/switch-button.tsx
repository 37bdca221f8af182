// Like, Bookmark and Follow: a real <button> with role="switch" (Enter and Space work
// natively), aria-checked and an aria-label naming the post or person.
import type { ReactNode } from 'react';

interface SwitchButtonProps {
  checked: boolean;
  label: string;
  onToggle: () => void;
  children: ReactNode;
  className?: string;
}

export function SwitchButton({
  checked,
  label,
  onToggle,
  children,
  className = '',
}: SwitchButtonProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      onClick={onToggle}
      className={`focus-visible:ring-2 focus-visible:ring-accent focus-visible:ring-offset-2 focus-visible:outline-none ${className}`}
    >
      {children}
    </button>
  );
}
