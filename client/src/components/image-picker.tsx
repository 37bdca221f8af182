// A photo from the device: the file picker, drag and drop onto the zone, or paste
// (anywhere on the page while it is shown). Previews at once, uploads with a progress
// bar, and hands the stored URLs to the form. Errors are said in plain words.
import { ImageUp } from 'lucide-react';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { UploadedMedia } from '../../../contract';
import { ACCEPTED_TYPES, UploadError, uploadMedia } from '../lib/upload-media';

interface ImagePickerProps {
  /** The visible label of the picker, e.g. "Photo" or "Profile picture". */
  label: string;
  onUploaded: (media: UploadedMedia) => void;
  /** Called when an upload starts or ends, so the form can wait for it. */
  onBusyChange?: (busy: boolean) => void;
  /** Round preview for avatars. */
  round?: boolean;
}

export function ImagePicker({ label, onUploaded, onBusyChange, round = false }: ImagePickerProps) {
  const ids = { input: useId(), help: useId(), status: useId() };
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  // Callbacks in a ref: the paste listener below is installed once.
  const callbacks = useRef({ onUploaded, onBusyChange });
  useEffect(() => {
    callbacks.current = { onUploaded, onBusyChange };
  });

  const choose = useRef(async (file: File) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setPreview((old) => {
      if (old) URL.revokeObjectURL(old);
      return URL.createObjectURL(file);
    });
    setProgress(0);
    callbacks.current.onBusyChange?.(true);
    try {
      const media = await uploadMedia(file, setProgress, controller.signal);
      callbacks.current.onUploaded(media);
    } catch (failure) {
      if (controller.signal.aborted) return;
      setError(
        failure instanceof UploadError
          ? failure.message
          : 'The photo could not be uploaded. Try again.',
      );
      setPreview(null);
    } finally {
      if (abort.current === controller) {
        setProgress(null);
        callbacks.current.onBusyChange?.(false);
      }
    }
  });

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = [...(event.clipboardData?.files ?? [])].find((item) =>
        item.type.startsWith('image/'),
      );
      if (!file) return;
      event.preventDefault();
      void choose.current(file);
    };
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('paste', onPaste);
      abort.current?.abort();
    };
  }, []);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void choose.current(file);
  };

  return (
    <div className="space-y-2">
      <span className="block text-sm font-semibold">{label}</span>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-4 py-5 text-center sm:flex-row sm:text-left ${
          dragging ? 'border-accent bg-blue-50' : 'border-neutral-300 bg-neutral-50'
        }`}
      >
        {preview ? (
          <img
            src={preview}
            alt=""
            className={`size-20 shrink-0 object-cover ${round ? 'rounded-full' : 'rounded-lg'}`}
          />
        ) : (
          <ImageUp aria-hidden="true" className="size-8 shrink-0 text-neutral-500" />
        )}
        <div className="min-w-0 flex-1 space-y-1">
          <input
            id={ids.input}
            type="file"
            accept={ACCEPTED_TYPES}
            aria-describedby={`${ids.help} ${ids.status}`}
            className="peer sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void choose.current(file);
              event.target.value = '';
            }}
          />
          <label
            htmlFor={ids.input}
            className="btn-secondary inline-flex cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent"
          >
            Choose a photo
          </label>
          <p id={ids.help} className="text-sm text-neutral-600">
            Or drag it here, or paste it. JPEG, PNG, WebP, GIF or AVIF, up to 10 MB.
          </p>
        </div>
      </div>
      <div id={ids.status} aria-live="polite">
        {progress !== null ? (
          <div className="space-y-1">
            <progress
              value={Math.round(progress * 100)}
              max={100}
              aria-label="Upload progress"
              className="h-2 w-full overflow-hidden rounded-full accent-accent"
            />
            <p className="text-sm text-neutral-600">
              {progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : 'Processing the photo…'}
            </p>
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm font-medium text-red-800">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
