// Change password: the current one, then the new one with a strength meter. Every
// other session ends (API.md §9); this one stays logged in.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useAnnounce } from '../../components/announcer';
import { CheckedForm, FormField, FormNotice, refuseTooLong } from '../../components/form-field';
import { api, ApiError } from '../../lib/api';
import {
  STRENGTH_LABELS,
  loadPasswordScorer,
  type StrengthScore,
} from '../../lib/password-strength';
import { queryKeys } from '../../lib/query-keys';
import { ACCOUNT_LIMITS } from '../../../../contract/limits';

function useStrength(password: string, userInputs: string[]): StrengthScore | null {
  const [score, setScore] = useState<StrengthScore | null>(null);
  const inputs = userInputs.join('\n');
  useEffect(() => {
    if (password === '') return;
    let current = true;
    const timer = window.setTimeout(() => {
      void loadPasswordScorer().then((scorer) => {
        if (current) setScore(scorer(password, inputs.split('\n')));
      });
    }, 200);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [password, inputs]);
  return password === '' ? null : score;
}

export function PasswordForm({ userInputs }: { userInputs: string[] }) {
  const ids = { meter: useId(), error: useId() };
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const score = useStrength(next, userInputs);
  const announce = useAnnounce();
  const queryClient = useQueryClient();

  const change = useMutation({
    mutationFn: () =>
      api.post('/api/profile/password', { current_password: current, new_password: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setError(null);
      setDone(true);
      announce('Password changed');
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessions() });
    },
    onError: (failure) =>
      setError(
        failure instanceof ApiError
          ? failure.message
          : 'The password could not be changed. Try again.',
      ),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    if (current === '' || next === '') {
      setError('Enter your current password and the new one.');
      return;
    }
    // API.md §9: a pasted password is never cut to fit; too long is said, not saved.
    const passwordField = { name: 'The new password', text: next, max: ACCOUNT_LIMITS.passwordMax };
    if (refuseTooLong(event.currentTarget, [passwordField], setError)) return;
    change.mutate();
  };

  return (
    <CheckedForm onSubmit={submit} errorId={ids.error} error={error} className="space-y-4">
      <FormNotice
        id={ids.error}
        error={error}
        success={done ? 'Password changed. You were logged out everywhere else.' : null}
      />
      <FormField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
      />
      <FormField
        label="New password"
        hint={`At least ${ACCOUNT_LIMITS.passwordMin} characters. Not a common password, not your username or email.`}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        max={ACCOUNT_LIMITS.passwordMax}
        counter="over"
        describedBy={ids.meter}
      >
        <div id={ids.meter} aria-live="polite" className="space-y-1">
          {score !== null ? (
            <>
              <div className="grid grid-cols-4 gap-1" aria-hidden="true">
                {[1, 2, 3, 4].map((step) => (
                  <span
                    key={step}
                    className={`h-1.5 rounded-full ${step <= score ? (score >= 3 ? 'bg-green-700' : 'bg-amber-700') : 'bg-neutral-200'}`}
                  />
                ))}
              </div>
              <p className="text-sm text-neutral-700">
                Password strength: {STRENGTH_LABELS[score]}
              </p>
            </>
          ) : null}
        </div>
      </FormField>
      <button type="submit" className="btn-primary" disabled={change.isPending}>
        {change.isPending ? 'Changing…' : 'Change password'}
      </button>
    </CheckedForm>
  );
}
