// One labelled field for every form: label, optional hint, input or textarea, the
// field's own error and, for text with a limit (contract/limits.ts), a character
// counter, all tied to the control with aria-describedby. API.md §4: there is no
// maxLength, which would cut a paste without a word; a field over its limit says by
// how much, is marked invalid, and the form refuses to submit (see firstOverLimit).
import { useId, type FormEvent, type ReactNode } from 'react';
import { counterText, firstOverLimit, overLimitMessage } from './text-limit';

interface FormFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** The field's limit in characters, from contract/limits.ts. */
  max?: number;
  /** `always`: "12 / 200 characters" under the field; `over`: only once it is too long. */
  counter?: 'always' | 'over';
  /** Help shown between the label and the control. */
  hint?: ReactNode;
  /** A message about this field (shown under it, and the field marked invalid). */
  error?: string | null;
  /** Ids of more descriptions (e.g. a strength meter passed as children). */
  describedBy?: string;
  /** Shown right under the control. */
  children?: ReactNode;
  /** A textarea with this many rows instead of a one-line input. */
  rows?: number;
  id?: string;
  type?: 'text' | 'url' | 'email' | 'password';
  inputMode?: 'text' | 'url' | 'email';
  autoComplete?: string;
  placeholder?: string;
  required?: boolean;
}

export function FormField({
  label,
  value,
  onChange,
  max,
  counter = 'always',
  hint,
  error,
  describedBy,
  children,
  rows,
  id,
  ...attributes
}: FormFieldProps) {
  const ids = { field: useId(), hint: useId(), error: useId(), limit: useId() };
  const fieldId = id ?? ids.field;
  const over = max !== undefined && overLimitMessage(value, max) !== null;
  const showLimit = max !== undefined && (counter === 'always' || over);
  const control = {
    id: fieldId,
    value,
    'aria-describedby':
      [hint ? ids.hint : null, describedBy, error ? ids.error : null, showLimit ? ids.limit : null]
        .filter(Boolean)
        .join(' ') || undefined,
    'aria-invalid': over || Boolean(error) || undefined,
    className: 'field aria-invalid:border-red-700',
  };
  return (
    <div className="space-y-1.5">
      <label htmlFor={fieldId} className="block text-sm font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={ids.hint} className="text-sm text-neutral-600">
          {hint}
        </p>
      ) : null}
      {rows === undefined ? (
        <input {...attributes} {...control} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <textarea
          {...attributes}
          {...control}
          rows={rows}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {children}
      {error ? (
        <p id={ids.error} className="text-sm font-semibold text-red-700">
          {error}
        </p>
      ) : null}
      {max === undefined ? null : (
        <LimitCounter id={ids.limit} text={value} max={max} quiet={counter === 'over'} />
      )}
    </div>
  );
}

/**
 * The counter of a field with a limit, red with the overshoot once the text is too
 * long. `quiet` shows nothing while the text fits. A polite live region says once
 * that the text went over the limit (not at every keystroke).
 */
export function LimitCounter({
  id,
  text,
  max,
  quiet = false,
}: {
  id: string;
  text: string;
  max: number;
  quiet?: boolean;
}) {
  const message = overLimitMessage(text, max);
  return (
    <>
      {message || !quiet ? (
        <p
          id={id}
          className={message ? 'text-sm font-semibold text-red-700' : 'text-xs text-neutral-600'}
        >
          {message ?? counterText(text, max)}
        </p>
      ) : null}
      <span className="sr-only" aria-live="polite">
        {message ? `Too long: over the limit of ${max.toLocaleString('en')} characters.` : ''}
      </span>
    </>
  );
}

/**
 * A form that checks its own fields (noValidate: the messages are the app's, not the
 * browser's) and is described by its FormNotice (`errorId`) while that shows an error.
 */
export function CheckedForm({
  onSubmit,
  errorId,
  error,
  className,
  children,
}: {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  errorId: string;
  error: string | null;
  className: string;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className={className}
      aria-describedby={error ? errorId : undefined}
    >
      {children}
    </form>
  );
}

/** A form's summary: the error (role alert, `id` for the form's aria-describedby) or a success. */
export function FormNotice({
  id,
  error,
  success,
}: {
  id: string;
  error: string | null;
  success?: string | null;
}) {
  if (error) {
    return (
      <p
        id={id}
        role="alert"
        className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
      >
        {error}
      </p>
    );
  }
  if (!success) return null;
  return (
    <p
      role="status"
      className="rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800"
    >
      {success}
    </p>
  );
}

/**
 * Refuses a submit while a field is over its limit: the form's summary names the
 * first such field and the focus moves to it. Returns whether it refused.
 */
export function refuseTooLong(
  form: HTMLFormElement,
  fields: Parameters<typeof firstOverLimit>[0],
  showError: (message: string) => void,
): boolean {
  const message = firstOverLimit(fields);
  if (message === null) return false;
  showError(message);
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  return true;
}
