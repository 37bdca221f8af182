// One polite live region for the whole app (issue: "status changes are announced").
// Confirmations are for screen readers only; failures are also shown as a toast.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { CircleAlert } from 'lucide-react';

type Tone = 'status' | 'error';
interface Announcement {
  key: number;
  message: string;
  tone: Tone;
}

const AnnounceContext = createContext<(message: string, tone?: Tone) => void>(() => undefined);

export function useAnnounce() {
  return useContext(AnnounceContext);
}

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<Announcement | null>(null);
  const counter = useRef(0);
  const announce = useCallback((message: string, tone: Tone = 'status') => {
    counter.current += 1;
    setCurrent({ key: counter.current, message, tone });
  }, []);

  useEffect(() => {
    if (current === null) return;
    const timer = setTimeout(() => setCurrent(null), current.tone === 'error' ? 6000 : 3000);
    return () => clearTimeout(timer);
  }, [current]);

  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4"
      >
        {current?.tone === 'error' ? (
          <p
            key={current.key}
            className="flex max-w-md items-center gap-2 rounded-lg bg-neutral-900 px-4 py-3 text-sm text-white shadow-lg"
          >
            <CircleAlert aria-hidden="true" className="size-4 shrink-0 text-red-300" />
            {current.message}
          </p>
        ) : current ? (
          <p key={current.key} className="sr-only">
            {current.message}
          </p>
        ) : null}
      </div>
    </AnnounceContext.Provider>
  );
}
