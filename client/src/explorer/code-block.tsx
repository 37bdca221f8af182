import { CopyButton } from './copy-button';

/** Scrollable, keyboard-focusable code with a copy button (axe: scrollable-region-focusable). */
export function CodeBlock({
  code,
  label,
  copy = true,
}: {
  code: string;
  label: string;
  copy?: boolean;
}) {
  return (
    <div className="relative">
      {copy && (
        <div className="absolute top-2 right-2">
          <CopyButton text={code} label={label} />
        </div>
      )}
      <pre
        role="region"
        aria-label={label}
        // axe "scrollable-region-focusable": keyboard users must be able to scroll long code.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        className="max-h-96 overflow-auto rounded-md bg-neutral-900 p-3 pr-24 font-mono text-sm leading-relaxed text-neutral-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}
