// The API explorer (issue 6): every endpoint of the OpenAPI document, grouped as the
// course groups them, with real examples for the logged-in user and a Send button.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { EndpointCard } from './endpoint-card';
import { ExplorerHeader } from './explorer-header';
import { buildExample, type Tokens } from './examples';
import { ApiError } from '../lib/api';
import { factsQuery, openApiQuery } from './explorer.queries';
import { buildUrl } from './http';
import { readGroups, slugify, type Endpoint } from './openapi';
import { SideNav } from './side-nav';
import { TokenPanel } from './token-panel';
import { anchorFromHash } from './anchor';

function LoadError({ error }: { error: Error }) {
  const expired = error instanceof ApiError && error.status === 401;
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
      {expired ? (
        <p>
          Your session has expired.{' '}
          <a className="font-semibold underline" href="/login">
            Log in again
          </a>{' '}
          to use the explorer.
        </p>
      ) : (
        <p>The explorer could not load: {error.message}</p>
      )}
    </div>
  );
}

export function ExplorerApp() {
  const queryClient = useQueryClient();
  const openApi = useQuery(openApiQuery);
  const facts = useQuery(factsQuery);
  const [tokens, setTokens] = useState<Tokens | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const snippetsRef = useRef<HTMLDivElement>(null);

  const groups = useMemo(() => (openApi.data ? readGroups(openApi.data) : []), [openApi.data]);
  const endpoints = useMemo(() => groups.flatMap((group) => group.endpoints), [groups]);
  const selected = endpoints.find((endpoint) => endpoint.id === selectedId) ?? endpoints[0] ?? null;
  const factsData = facts.data ?? null;

  // The browser jumps to #anchor only if it exists at load; the endpoints arrive later.
  const ready = groups.length > 0 && facts.isSuccess;
  useEffect(() => {
    const anchor = ready ? anchorFromHash(window.location.hash) : null;
    if (anchor !== null) document.getElementById(anchor)?.scrollIntoView();
  }, [ready]);

  function showSnippets(endpoint: Endpoint) {
    setSelectedId(endpoint.id);
    snippetsRef.current?.scrollIntoView();
    snippetsRef.current?.querySelector('select')?.focus();
  }

  const snippetRequest = useMemo(() => {
    if (!selected) return null;
    const example = buildExample(selected, factsData, tokens);
    const queryNames = selected.parameters
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => parameter.name);
    return {
      origin: window.location.origin,
      method: selected.method,
      url: buildUrl(selected.path, example.params, queryNames),
      body: example.body,
      needsAuth: selected.needsAuth,
    };
  }, [selected, factsData, tokens]);

  const error = openApi.error ?? facts.error;
  return (
    <>
      <ExplorerHeader />
      <div className="mx-auto max-w-7xl px-4 lg:flex lg:gap-6">
        {groups.length > 0 && <SideNav groups={groups} />}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 space-y-8 py-6 focus:outline-none">
          <div>
            <h1 className="text-3xl font-bold">API explorer</h1>
            <p className="mt-2 max-w-3xl text-neutral-700">
              Every endpoint of this server, read from its OpenAPI document. The examples use your
              own data
              {factsData ? ` (you are logged in as ${factsData.me.username})` : ''}: Send performs
              the request as you, so sending a Delete really deletes.
            </p>
          </div>
          {error && <LoadError error={error} />}
          {!error && !ready && <p role="status">Loading the endpoints…</p>}
          {ready && factsData && (
            <>
              <div ref={snippetsRef}>
                <TokenPanel
                  key={factsData.me.username}
                  username={factsData.me.username}
                  tokens={tokens}
                  onTokens={setTokens}
                  endpoints={endpoints}
                  selected={selected}
                  onSelect={(endpoint) => setSelectedId(endpoint.id)}
                  snippetRequest={snippetRequest}
                />
              </div>
              {groups.map((group) => {
                const current = group.endpoints.filter((endpoint) => !endpoint.deprecated);
                const aliases = group.endpoints.filter((endpoint) => endpoint.deprecated);
                const card = (endpoint: Endpoint) => (
                  <EndpointCard
                    key={endpoint.id}
                    endpoint={endpoint}
                    example={buildExample(endpoint, factsData, tokens)}
                    onChanged={() =>
                      void queryClient.invalidateQueries({ queryKey: factsQuery.queryKey })
                    }
                    onShowSnippets={showSnippets}
                  />
                );
                return (
                  <section
                    key={group.name}
                    aria-labelledby={`${slugify(group.name)}-heading`}
                    id={slugify(group.name)}
                    className="space-y-4"
                  >
                    <h2 id={`${slugify(group.name)}-heading`} className="text-2xl font-bold">
                      {group.name}
                    </h2>
                    {group.description && <p className="text-neutral-700">{group.description}</p>}
                    {current.map(card)}
                    {aliases.length > 0 && (
                      <details className="rounded-lg border border-dashed border-neutral-400 p-3">
                        <summary className="cursor-pointer font-semibold">
                          Deprecated aliases ({aliases.length}): older course paths, same rules
                        </summary>
                        <div className="mt-3 space-y-4">{aliases.map(card)}</div>
                      </details>
                    )}
                  </section>
                );
              })}
            </>
          )}
        </main>
      </div>
    </>
  );
}
