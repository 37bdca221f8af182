// The reference part of an endpoint, all from the OpenAPI document (issue 6, item 3):
// method, path, description, parameters (name, place, type, required, meaning), responses.
import { MethodBadge } from './method-badge';
import type { Endpoint } from './openapi';

/** Descriptions mark names with `backticks`, as Markdown does: show them as code. */
function withInlineCode(text: string) {
  return text.split('`').map((part, index) =>
    index % 2 === 1 ? (
      <code key={index} className="font-mono text-[0.9em]">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

export function EndpointReference({
  endpoint,
  headingId,
}: {
  endpoint: Endpoint;
  headingId: string;
}) {
  const fields = [...endpoint.parameters, ...(endpoint.body?.fields ?? [])];
  return (
    <>
      <h3 id={headingId} className="text-lg font-semibold">
        {endpoint.summary}
      </h3>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <MethodBadge method={endpoint.method} />
        <code className="font-mono text-sm break-all">{endpoint.path}</code>
        {endpoint.deprecated && (
          <span className="rounded bg-neutral-200 px-2 py-0.5 text-xs font-semibold text-neutral-800">
            Deprecated
          </span>
        )}
        {!endpoint.needsAuth && (
          <span className="rounded bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-900">
            No token needed
          </span>
        )}
      </p>
      {endpoint.description && (
        <p className="mt-2 text-neutral-700">{withInlineCode(endpoint.description)}</p>
      )}

      {fields.length > 0 && (
        // No horizontal scrolling on phones: where and whether a field is required sit
        // under its name, so three columns that wrap are enough.
        <div className="mt-4">
          <table className="w-full table-fixed text-left text-sm">
            <caption className="mb-1 text-left font-semibold">Parameters</caption>
            <thead className="border-b border-neutral-300 text-neutral-700">
              <tr>
                <th scope="col" className="w-[32%] py-1 pr-3 sm:w-1/4">
                  Name
                </th>
                <th scope="col" className="w-[24%] py-1 pr-3 sm:w-1/4">
                  Type
                </th>
                <th scope="col" className="py-1">
                  Meaning
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr
                  key={`${field.in}-${field.name}`}
                  className="border-b border-neutral-100 align-top"
                >
                  <td className="py-1 pr-3 break-words">
                    <span className="font-mono">{field.name}</span>
                    <span className="block text-xs text-neutral-700">
                      {field.in}, {field.required ? 'required' : 'optional'}
                    </span>
                  </td>
                  <td className="py-1 pr-3 font-mono break-words">{field.type}</td>
                  <td className="py-1 break-words text-neutral-700">{field.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h4 className="mt-4 text-sm font-semibold">Responses</h4>
      <ul className="mt-1 space-y-0.5 text-sm">
        {endpoint.responses.map((response) => (
          <li key={response.status}>
            <span className="font-mono font-semibold">{response.status}</span>{' '}
            <span className="font-mono">{response.type}</span>
            {response.description && (
              <span className="text-neutral-700"> · {response.description}</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
