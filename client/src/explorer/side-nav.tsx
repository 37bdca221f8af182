import { MethodBadge } from './method-badge';
import type { Group } from './openapi';
import { slugify } from './openapi';

function NavList({ groups }: { groups: Group[] }) {
  return (
    <ul className="space-y-4 text-sm">
      <li>
        <a href="#tokens" className="font-semibold text-accent underline-offset-2 hover:underline">
          Tokens and code snippets
        </a>
      </li>
      {groups.map((group) => (
        <li key={group.name}>
          <a
            href={`#${slugify(group.name)}`}
            className="font-semibold text-neutral-900 underline-offset-2 hover:underline"
          >
            {group.name}
          </a>
          <ul className="mt-1 space-y-1">
            {group.endpoints
              .filter((endpoint) => !endpoint.deprecated)
              .map((endpoint) => (
                <li key={endpoint.id}>
                  <a
                    href={`#${endpoint.id}`}
                    className="flex items-center gap-2 rounded px-1 py-0.5 text-neutral-800 hover:bg-neutral-200"
                  >
                    <MethodBadge method={endpoint.method} small />
                    <span>{endpoint.summary}</span>
                  </a>
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** Wide screens: a sticky column. Phones: a disclosure above the content. */
export function SideNav({ groups }: { groups: Group[] }) {
  return (
    <>
      <nav
        aria-label="Endpoints"
        className="sticky top-16 hidden max-h-[calc(100vh-5rem)] w-72 shrink-0 overflow-y-auto py-6 pr-4 lg:block"
      >
        <NavList groups={groups} />
      </nav>
      <details className="mt-4 rounded-lg border border-neutral-200 bg-white p-3 lg:hidden">
        <summary className="cursor-pointer font-semibold">Endpoints</summary>
        <nav aria-label="Endpoints (compact)" className="mt-3">
          <NavList groups={groups} />
        </nav>
      </details>
    </>
  );
}
