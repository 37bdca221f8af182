import { KeyRound } from 'lucide-react';
import { useId, useState, type ComponentProps, type FormEvent } from 'react';
import { CodeBlock } from './code-block';
import { CopyButton } from './copy-button';
import type { Tokens } from './examples';
import { readCookie } from '../lib/cookies';
import { sendRaw } from './http';
import type { Endpoint } from './openapi';
import { curlSnippet, fetchSnippet, pythonSnippet, type SnippetRequest } from './snippets';

interface Props {
  username: string;
  tokens: Tokens | null;
  onTokens: (tokens: Tokens) => void;
  endpoints: Endpoint[];
  selected: Endpoint | null;
  onSelect: (endpoint: Endpoint) => void;
  /** The selected endpoint's example request, for the snippets. */
  snippetRequest: Omit<SnippetRequest, 'token'> | null;
}

const fieldClass =
  'w-full rounded-md border border-neutral-400 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent';

/** A labelled input of the token form; `id` ties the label to it. */
function LabelledInput({
  id,
  label,
  ...input
}: { id: string; label: string } & Omit<ComponentProps<'input'>, 'id' | 'className'>) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} className={fieldClass} {...input} />
    </div>
  );
}

function TokenValue({ label, value }: { label: string; value: string }) {
  return (
    <div className="mt-2">
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium">{label}</span>
        <CopyButton text={value} label={label} />
      </div>
      <p className="mt-1 rounded bg-neutral-100 p-2 font-mono text-xs break-all">{value}</p>
    </div>
  );
}

/**
 * The access token cookie is HttpOnly (API.md §5), so the page cannot show it: the
 * user asks POST /api/token for a pair for external clients instead, with their password.
 */
export function TokenPanel({
  username,
  tokens,
  onTokens,
  endpoints,
  selected,
  onSelect,
  snippetRequest,
}: Props) {
  const uid = useId();
  const [name, setName] = useState(username);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const csrf = readCookie('csrf_access_token');

  async function getTokens(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await sendRaw(
        'POST',
        '/api/token',
        JSON.stringify({ username: name, password }),
      );
      const pair = answer.json as Partial<Tokens> | undefined;
      if (answer.status === 200 && pair?.access_token && pair.refresh_token) {
        onTokens({ access_token: pair.access_token, refresh_token: pair.refresh_token });
        setPassword('');
      } else {
        const message = (answer.json as { message?: string } | undefined)?.message;
        setError(`${answer.statusLine}: ${message ?? 'no tokens in the answer.'}`);
      }
    } catch (failure) {
      setError(
        `The request did not reach the server: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    } finally {
      setBusy(false);
    }
  }

  const request = snippetRequest
    ? { ...snippetRequest, token: tokens?.access_token ?? null }
    : null;

  return (
    <section
      id="tokens"
      aria-labelledby={`${uid}-heading`}
      className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <h2 id={`${uid}-heading`} className="flex items-center gap-2 text-xl font-bold">
        <KeyRound aria-hidden="true" className="size-5" /> Tokens for external clients
      </h2>
      <p className="mt-2 text-sm text-neutral-700">
        This page sends requests with your login cookie and the{' '}
        <code className="font-mono">X-CSRF-TOKEN</code> header. Programs outside the browser send{' '}
        <code className="font-mono">Authorization: Bearer &lt;access token&gt;</code> instead, and
        need no CSRF header. Access tokens expire after a few minutes: get a new pair here, or use
        &quot;Refresh Access Token&quot;.
      </p>
      {csrf && <TokenValue label="CSRF token (csrf_access_token cookie)" value={csrf} />}

      <form
        onSubmit={(event) => void getTokens(event)}
        className="mt-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      >
        <LabelledInput
          id={`${uid}-username`}
          label="Username"
          autoComplete="username"
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
        />
        <LabelledInput
          id={`${uid}-password`}
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-describedby={error ? `${uid}-error` : undefined}
          aria-invalid={error !== null}
          required
        />
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-white hover:bg-accent-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-70"
        >
          Get tokens
        </button>
      </form>
      <p id={`${uid}-error`} role="status" className="mt-2 text-sm font-medium text-red-800">
        {error}
      </p>
      {tokens && (
        <>
          <TokenValue label="Access token" value={tokens.access_token} />
          <TokenValue label="Refresh token" value={tokens.refresh_token} />
        </>
      )}

      <h3 className="mt-6 text-lg font-semibold">Code snippets</h3>
      <label htmlFor={`${uid}-endpoint`} className="mt-2 block text-sm font-medium">
        Endpoint
      </label>
      <select
        id={`${uid}-endpoint`}
        className={fieldClass}
        value={selected?.id ?? ''}
        onChange={(event) => {
          const endpoint = endpoints.find((candidate) => candidate.id === event.target.value);
          if (endpoint) onSelect(endpoint);
        }}
      >
        {endpoints.map((endpoint) => (
          <option key={endpoint.id} value={endpoint.id}>
            {endpoint.group}: {endpoint.summary} ({endpoint.method} {endpoint.path})
          </option>
        ))}
      </select>
      {request && (
        <div className="mt-3 space-y-3">
          {!tokens && request.needsAuth && (
            <p className="text-sm text-neutral-700">
              Get tokens above to replace &lt;ACCESS_TOKEN&gt; in the snippets.
            </p>
          )}
          <h4 className="text-sm font-semibold">curl</h4>
          <CodeBlock code={curlSnippet(request)} label="curl snippet" />
          <h4 className="text-sm font-semibold">Python (requests)</h4>
          <CodeBlock code={pythonSnippet(request)} label="Python requests snippet" />
          <h4 className="text-sm font-semibold">JavaScript (fetch)</h4>
          <CodeBlock code={fetchSnippet(request)} label="JavaScript fetch snippet" />
        </div>
      )}
    </section>
  );
}
