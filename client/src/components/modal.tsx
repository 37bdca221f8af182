// A modal on the native <dialog> with showModal(): focus moves in and is trapped, Esc
// closes it, the page behind is inert and (styles.css) does not scroll. Focus returns
// to the control that opened it. Mount it only while open.
import { X } from 'lucide-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  /** Shown to sighted users; the title is always the accessible name. */
  hideTitle?: boolean;
  onClose: () => void;
  children: ReactNode;
  size?: 'sm' | 'lg';
}

export function Modal({ title, hideTitle = false, onClose, children, size = 'lg' }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Esc, the close button and the backdrop all end in the dialog's close event.
    const handleClose = () => onCloseRef.current();
    dialog.addEventListener('close', handleClose);
    if (!dialog.open) dialog.showModal();
    return () => {
      // Detach first: closing on unmount must not report a close to the parent.
      dialog.removeEventListener('close', handleClose);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    // The backdrop click is a pointer shortcut; keyboards close with Esc (native to <dialog>).
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself) closes, like Instagram.
        if (event.target === ref.current) ref.current.close();
      }}
      className={`m-auto w-[calc(100%-2rem)] ${size === 'lg' ? 'max-w-4xl' : 'max-w-sm'} max-h-[calc(100dvh-2rem)] overflow-hidden rounded-xl bg-white p-0 text-neutral-900 shadow-2xl`}
    >
      <div className="flex items-center justify-between border-b border-neutral-200 px-4 py-3">
        <h2 id={titleId} className={hideTitle ? 'sr-only' : 'text-base font-semibold'}>
          {title}
        </h2>
        <button
          type="button"
          onClick={() => ref.current?.close()}
          className="ml-auto rounded-full p-2 text-neutral-700 hover:bg-neutral-100 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
        >
          <X aria-hidden="true" className="size-5" />
          <span className="sr-only">Close</span>
        </button>
      </div>
      {children}
    </dialog>
  );
}
