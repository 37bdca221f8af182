import { Code, RotateCcw, Send } from 'lucide-react';
import { useId, useState } from 'react';
import { CodeBlock } from './code-block';
import type { Example } from './examples';
import { buildUrl, sendAsUser, type RawAnswer } from './http';
import { EndpointReference } from './endpoint-reference';
import type { Endpoint } from './openapi';

interface Props {
  endpoint: Endpoint;
  example: Example;
  /** Called after a request that may have changed data, so the examples are recomputed. */
  onChanged: () => void;
  /** Shows this endpoint's snippets in the tokens panel. */
  onShowSnippets: (endpoint: Endpoint) => void;
}

const inputClass =
  'w-full rounded-md border border-neutral-400 bg-white px-2 py-1 font-mono text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent';
const buttonClass =
  'inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'answer'; answer: RawAnswer }
  | { kind: 'failed'; message: string };

export function EndpointCard({ endpoint, example, onChanged, onShowSnippets }: Props) {
  const uid = useId();
  // Unedited values follow the example, which is recomputed after each change; edits win.
  const [paramDrafts, setParamDrafts] = useState<Record<string, string>>({});
  const [bodyDraft, setBodyDraft] = useState<string | null>(null);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const params = { ...example.params, ...paramDrafts };
  const body = bodyDraft ?? example.body;
  const editable = endpoint.parameters.filter(
    (parameter) => parameter.in === 'path' || parameter.in === 'query',
  );
  const edited = bodyDraft !== null || Object.keys(paramDrafts).length > 0;
  const headingId = `${uid}-heading`;
  const bodyErrorId = `${uid}-body-error`;

  async function send() {
    let payload: string | undefined;
    if (endpoint.body && body.trim() !== '') {
      try {
        payload = JSON.stringify(JSON.parse(body));
      } catch (error) {
        setBodyError(
          `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}. Fix it and send again.`,
        );
        return;
      }
    }
    setBodyError(null);
    setOutcome({ kind: 'sending' });
    const queryNames = endpoint.parameters
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => parameter.name);
    try {
      const answer = await sendAsUser(
        endpoint.method,
        buildUrl(endpoint.path, params, queryNames),
        payload,
        endpoint.needsAuth,
      );
      setOutcome({ kind: 'answer', answer });
      if (endpoint.method !== 'GET' && answer.status < 400) onChanged();
    } catch (error) {
      setOutcome({
        kind: 'failed',
        message: `The request did not reach the server: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  const statusText =
    outcome.kind === 'sending'
      ? 'Sending…'
      : outcome.kind === 'failed'
        ? outcome.message
        : outcome.kind === 'answer'
          ? `Answer: ${outcome.answer.statusLine}${Array.isArray(outcome.answer.json) ? ` (${outcome.answer.json.length} items)` : ''}`
          : '';

  return (
    <section
      id={endpoint.id}
      aria-labelledby={headingId}
      className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <EndpointReference endpoint={endpoint} headingId={headingId} />

      <h4 className="mt-4 text-sm font-semibold">Try it</h4>
      {example.notes.length > 0 && (
        <ul className="mt-1 list-disc rounded-md bg-amber-50 py-2 pr-3 pl-7 text-sm text-amber-950">
          {example.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {editable.length > 0 && (
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {editable.map((parameter) => (
            <div key={parameter.name}>
              <label htmlFor={`${uid}-${parameter.name}`} className="block text-sm font-medium">
                <span className="font-mono">{parameter.name}</span> ({parameter.in},{' '}
                {parameter.required ? 'required' : 'optional'})
              </label>
              <input
                id={`${uid}-${parameter.name}`}
                className={inputClass}
                value={params[parameter.name] ?? ''}
                placeholder={parameter.defaultValue}
                inputMode={/integer|number/.test(parameter.type) ? 'numeric' : undefined}
                onChange={(event) =>
                  setParamDrafts({ ...paramDrafts, [parameter.name]: event.target.value })
                }
              />
            </div>
          ))}
        </div>
      )}
      {endpoint.body && (
        <div className="mt-2">
          <label htmlFor={`${uid}-body`} className="block text-sm font-medium">
            Request body (JSON)
          </label>
          <textarea
            id={`${uid}-body`}
            className={`${inputClass} min-h-24`}
            rows={Math.min(12, body.split('\n').length + 1)}
            spellCheck={false}
            value={body}
            aria-invalid={bodyError !== null}
            aria-describedby={bodyError ? bodyErrorId : undefined}
            onChange={(event) => {
              setBodyDraft(event.target.value);
              setBodyError(null);
            }}
          />
          {bodyError && (
            <p id={bodyErrorId} className="mt-1 text-sm font-medium text-red-800">
              {bodyError}
            </p>
          )}
        </div>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => void send()}
          className={`${buttonClass} bg-accent text-white hover:bg-accent-strong`}
        >
          <Send aria-hidden="true" className="size-4" /> Send
        </button>
        {edited && (
          <button
            type="button"
            onClick={() => {
              setParamDrafts({});
              setBodyDraft(null);
              setBodyError(null);
            }}
            className={`${buttonClass} border border-neutral-300 bg-white text-neutral-800 hover:bg-neutral-100`}
          >
            <RotateCcw aria-hidden="true" className="size-4" /> Reset example
          </button>
        )}
        <button
          type="button"
          onClick={() => onShowSnippets(endpoint)}
          className={`${buttonClass} border border-neutral-300 bg-white text-neutral-800 hover:bg-neutral-100`}
        >
          <Code aria-hidden="true" className="size-4" /> Code snippets
        </button>
      </div>

      <div className="mt-3">
        <p role="status" className="text-sm font-semibold">
          {statusText}
        </p>
        {outcome.kind === 'answer' && outcome.answer.text !== '' && (
          <div className="mt-1">
            <CodeBlock code={outcome.answer.text} label={`Answer body of ${endpoint.summary}`} />
          </div>
        )}
      </div>
    </section>
  );
}
