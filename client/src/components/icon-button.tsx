// A button that shows only an icon: the icon is hidden from assistive technology and
// the label is read instead (delete a post or a comment, open the comments).
import type { LucideIcon } from 'lucide-react';

interface IconButtonProps {
  icon: LucideIcon;
  /** What the button does, read by screen readers, e.g. "Delete your comment: Nice!". */
  label: string;
  onClick: () => void;
  className: string;
  iconSize?: 'size-4' | 'size-6';
}

export function IconButton({
  icon: Icon,
  label,
  onClick,
  className,
  iconSize = 'size-4',
}: IconButtonProps) {
  return (
    <button type="button" onClick={onClick} className={`${className} focus-ring`}>
      <Icon aria-hidden="true" className={iconSize} />
      <span className="sr-only">{label}</span>
    </button>
  );
}
