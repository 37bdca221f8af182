// Colours chosen for WCAG AA contrast (dark text on a light tint); the method is also
// written out, so colour is never the only signal.
const COLOURS: Record<string, string> = {
  GET: 'bg-sky-100 text-sky-900 ring-sky-300',
  POST: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  PUT: 'bg-violet-100 text-violet-900 ring-violet-300',
  PATCH: 'bg-amber-100 text-amber-900 ring-amber-300',
  DELETE: 'bg-rose-100 text-rose-900 ring-rose-300',
};

export function MethodBadge({ method, small = false }: { method: string; small?: boolean }) {
  return (
    <span
      className={`inline-block shrink-0 rounded font-mono font-bold ring-1 ring-inset ${COLOURS[method] ?? 'bg-neutral-100 text-neutral-900 ring-neutral-300'} ${small ? 'w-14 px-1 py-0.5 text-center text-[0.7rem]' : 'px-2 py-0.5 text-xs'}`}
    >
      {method}
    </span>
  );
}
