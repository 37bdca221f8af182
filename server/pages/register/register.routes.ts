// GET and POST /register (API.md §6, §9): the sign-up form, with the look and the
// error handling of /login. Works without JavaScript: every error is shown at its
// field (aria-describedby) and in a summary, values are kept except the password,
// and the first field in error gets the focus. A script from the client build adds
// the password strength meter when it is there. REGISTRATION=closed: a 404 page.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ACCOUNT_LIMITS } from '../../../contract/limits';
import { setSessionCookies, startSession } from '../../auth/session';
import { isCrossSiteRequest } from '../../plugins/security';
import { serveStylesheet } from '../page-assets';
import {
  ACCOUNT_FIELDS,
  findAccountProblems,
  signUp,
  type AccountField,
  type FieldProblem,
  type SignUpInput,
} from '../../auth/sign-up';
import { clientDistDir } from '../client-build';

const views = import.meta.dirname;
const eta = new Eta({ views, autoEscape: true, cache: true });
const stylesheet = readFileSync(path.join(views, 'register.css'), 'utf8');

const FIELDS: Record<
  AccountField,
  /** `max`: the contract's limit, checked here, never a `maxlength` that cuts a paste. */
  { label: string; type: string; autocomplete: string; max: number; hint?: string }
> = {
  username: {
    label: 'Username',
    type: 'text',
    autocomplete: 'username',
    max: ACCOUNT_LIMITS.usernameMax,
    hint: `${ACCOUNT_LIMITS.usernameMin}–${ACCOUNT_LIMITS.usernameMax} letters, digits, _ or ., starting with a letter.`,
  },
  first_name: {
    label: 'First name',
    type: 'text',
    autocomplete: 'given-name',
    max: ACCOUNT_LIMITS.name,
  },
  last_name: {
    label: 'Last name',
    type: 'text',
    autocomplete: 'family-name',
    max: ACCOUNT_LIMITS.name,
  },
  email: { label: 'Email', type: 'email', autocomplete: 'email', max: ACCOUNT_LIMITS.email },
  password: {
    label: 'Password',
    type: 'password',
    autocomplete: 'new-password',
    max: ACCOUNT_LIMITS.passwordMax,
    hint: `At least ${ACCOUNT_LIMITS.passwordMin} characters. Not a common password, not your username or email.`,
  },
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The hashed file name of the strength meter in the client build, if it was built. */
function meterScript(): string | null {
  const manifest = path.join(clientDistDir, '.vite', 'manifest.json');
  if (!existsSync(manifest)) return null;
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, { file?: string }>;
  const file = entries['src/register-meter.ts']?.file;
  return file ? `/${file}` : null;
}

interface RegisterView {
  values?: Partial<SignUpInput>;
  errors?: Partial<Record<AccountField, string>>;
  message?: string;
}

function renderRegister(reply: FastifyReply, status: number, view: RegisterView) {
  const errors = view.errors ?? {};
  const firstError = ACCOUNT_FIELDS.find((name) => errors[name] !== undefined);
  const fields = ACCOUNT_FIELDS.map((name) => {
    const error = errors[name];
    const spec = FIELDS[name];
    return {
      name,
      ...spec,
      // Never sent back: a password belongs in the password manager, not in the HTML.
      value: name === 'password' ? '' : (view.values?.[name] ?? ''),
      error,
      describedBy: [spec.hint && `${name}-hint`, error && `${name}-error`]
        .filter(Boolean)
        .join(' '),
      autofocus:
        firstError === undefined ? name === 'username' && !view.message : name === firstError,
    };
  });
  const html = eta.render('register', {
    fields,
    errors: fields.flatMap((field) =>
      field.error ? [{ field: field.name, label: field.label, text: field.error }] : [],
    ),
    message: view.message ?? '',
    meterScript: meterScript(),
  });
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** The form's fields as sent, whole (the body limit bounds them; nothing is cut here). */
function formValues(body: unknown): SignUpInput {
  const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const read = (name: AccountField) => {
    const value = form[name];
    return typeof value === 'string' ? value : '';
  };
  return Object.fromEntries(ACCOUNT_FIELDS.map((name) => [name, read(name)])) as SignUpInput;
}

// Names are trimmed before they are checked and stored (auth/sign-up.ts), so their
// limit counts what would be stored.
const measured = (name: AccountField, value: string) =>
  name === 'first_name' || name === 'last_name' ? value.trim() : value;

/**
 * API.md §4: a value longer than its field's limit is refused with the limit named,
 * never cut to fit; the form comes back with the value as typed.
 */
function overLimit(values: SignUpInput): FieldProblem[] {
  return ACCOUNT_FIELDS.flatMap((name) => {
    const { max } = FIELDS[name];
    const { length } = measured(name, values[name]);
    return length > max
      ? [
          {
            field: name,
            problem: `must be at most ${max} characters long (this one has ${length}).`,
          },
        ]
      : [];
  });
}

const CLOSED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-up is closed · Photo App</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/login/login.css"></head>
<body><main class="page"><section class="card"><h1>Sign-up is closed</h1>
<p class="lead">New accounts cannot be created on this server.</p><p><a href="/login">Log in</a></p></section></main></body></html>
`;

export async function registerPageRoutes(app: FastifyInstance): Promise<void> {
  if (!app.config.registrationOpen) {
    // API.md §9: a 404, but a page a person can read (the client's catch-all would
    // otherwise send a visitor to /login without a word).
    const closed = async (_request: unknown, reply: FastifyReply) =>
      reply.code(404).type('text/html; charset=utf-8').send(CLOSED_PAGE);
    app.get('/register', { schema: { hide: true } }, closed);
    app.post('/register', { schema: { hide: true } }, closed);
    return;
  }

  serveStylesheet(app, '/register/register.css', stylesheet);

  app.get('/register', { schema: { hide: true } }, async (_request, reply) =>
    renderRegister(reply, 200, {}),
  );

  app.post('/register', { schema: { hide: true } }, async (request, reply) => {
    const values = formValues(request.body);
    // Another site must not create accounts (and log visitors into them) through this form.
    if (isCrossSiteRequest(request)) {
      return renderRegister(reply, 403, {
        values,
        message: 'This form was sent from another website. Open this page directly to sign up.',
      });
    }
    const tooLong = overLimit(values);
    if (tooLong.length > 0) {
      // Every field's problems at once, as usual: the length first, then the other rules.
      const errors: Partial<Record<AccountField, string>> = {};
      const trimmed = {
        ...values,
        first_name: values.first_name.trim(),
        last_name: values.last_name.trim(),
      };
      for (const { field, problem } of [...tooLong, ...findAccountProblems(trimmed)])
        errors[field] ??= capitalize(problem);
      return renderRegister(reply, 400, { values, errors });
    }
    const result = await signUp(app, values, request.ip);
    if (result.ok) {
      // The same session a login starts.
      setSessionCookies(app, reply, await startSession(app, request, reply, result.user));
      return reply.redirect('/', 302);
    }
    if (result.status !== 400) {
      reply.header('Retry-After', String(result.retryAfterSeconds));
      return renderRegister(reply, result.status, { values, message: result.message });
    }
    const errors: Partial<Record<AccountField, string>> = {};
    for (const { field, problem } of result.problems) errors[field] ??= capitalize(problem);
    return renderRegister(reply, 400, { values, errors });
  });
}
