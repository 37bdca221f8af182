// Search people from the navigation: the ARIA 1.2 combobox pattern (an input that
// owns a listbox), debounced while typing. Down/Up move through the results, Enter
// opens the highlighted profile, Escape closes the list (a second Escape clears).
import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { User } from '../../../contract';
import { LIMITS } from '../../../contract/limits';
import { api } from '../lib/api';
import { displayName } from '../lib/format';
import { queryKeys } from '../lib/query-keys';
import { Avatar } from './avatar';
import { overLimitMessage } from './text-limit';
import { profilePath } from './user-link';

const DEBOUNCE_MS = 250;
const MAX_RESULTS = 8;

function useDebounced(value: string): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return debounced;
}

export function UserSearch({ className = '' }: { className?: string }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  // The highlighted option, for the list it was chosen in: a new list starts with none.
  const [highlight, setHighlight] = useState({ list: '', index: -1 });
  const search = useDebounced(text.trim());
  // API.md §9: the search text has a limit; a longer paste is kept and said, not cut.
  const tooLong = overLimitMessage(search, LIMITS.userSearch, 'search');
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), list: useId(), status: useId() };
  const results = useQuery({
    queryKey: queryKeys.users.search(search),
    queryFn: () =>
      api.get<User[]>(`/api/users?search=${encodeURIComponent(search)}&limit=${MAX_RESULTS}`),
    enabled: search !== '' && tooLong === null,
    staleTime: 30_000,
  });
  const users = search === '' || tooLong ? [] : (results.data ?? []);
  const expanded = open && search !== '' && !tooLong && (users.length > 0 || results.isSuccess);
  const listKey = `${search}@${results.dataUpdatedAt}`;
  const active = highlight.list === listKey ? highlight.index : -1;
  const setActive = (index: number) => setHighlight({ list: listKey, index });

  const choose = (user: User) => {
    setOpen(false);
    setText('');
    inputRef.current?.blur();
    void navigate(profilePath(user.username));
  };

  const optionId = (index: number) => `${ids.list}-${index}`;
  const status = tooLong
    ? tooLong
    : search === '' || !results.isSuccess
      ? ''
      : users.length === 0
        ? `Nobody found for "${search}".`
        : `${users.length} ${users.length === 1 ? 'person' : 'people'} found.`;

  return (
    <div role="search" className={`relative ${className}`}>
      <label htmlFor={ids.input} className="sr-only">
        Search people
      </label>
      <Search
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-neutral-500"
      />
      <input
        ref={inputRef}
        id={ids.input}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={ids.list}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={ids.status}
        autoComplete="off"
        spellCheck={false}
        placeholder="Search people"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
            if (users.length === 0) return;
            const down = event.key === 'ArrowDown';
            setActive(
              down ? (active + 1) % users.length : active <= 0 ? users.length - 1 : active - 1,
            );
          } else if (event.key === 'Enter') {
            const user = users[active] ?? (users.length === 1 ? users[0] : undefined);
            if (expanded && user) {
              event.preventDefault();
              choose(user);
            }
          } else if (event.key === 'Escape') {
            if (expanded) setOpen(false);
            else setText('');
          }
        }}
        className="field rounded-full bg-neutral-100 py-1.5 pl-9 focus:bg-white"
      />
      <ul
        id={ids.list}
        role="listbox"
        aria-label="People"
        hidden={!expanded}
        className="absolute top-full left-0 z-50 mt-1 max-h-80 w-full min-w-72 overflow-y-auto rounded-xl border border-neutral-200 bg-white py-1 shadow-lg"
      >
        {users.map((user, index) => (
          <li
            key={user.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            // Pointer: mousedown so that the input's blur does not close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(user);
            }}
            onMouseMove={() => setActive(index)}
            className={`flex cursor-pointer items-center gap-3 px-3 py-2 ${index === active ? 'bg-neutral-100' : ''}`}
          >
            <Avatar user={user} size="sm" />
            <span className="min-w-0">
              <span className="block truncate text-sm font-semibold">{user.username}</span>
              <span className="block truncate text-xs text-neutral-600">{displayName(user)}</span>
            </span>
          </li>
        ))}
        {tooLong ? null : results.isSuccess && users.length === 0 ? (
          <li role="presentation" className="px-3 py-2 text-sm text-neutral-600">
            Nobody found for “{search}”.
          </li>
        ) : null}
      </ul>
      <p
        id={ids.status}
        role="status"
        className={
          tooLong && open
            ? 'absolute top-full left-0 z-50 mt-1 w-full min-w-72 rounded-xl border border-red-200 bg-white px-3 py-2 text-sm font-semibold text-red-700 shadow-lg'
            : 'sr-only'
        }
      >
        {status}
      </p>
    </div>
  );
}
