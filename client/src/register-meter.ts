// The password strength meter of the server-rendered /register page (its own entry
// in the client build). The page works without it; it only adds guidance as you type.
import { loadPasswordScorer, STRENGTH_LABELS } from './lib/password-strength';

const input = document.querySelector<HTMLInputElement>('#password');
const output = document.querySelector<HTMLElement>('#password-strength');

function otherFields(): string[] {
  return ['username', 'first_name', 'last_name', 'email']
    .map((id) => document.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '')
    .filter(Boolean);
}

if (input && output) {
  const bar = document.createElement('div');
  bar.className = 'strength-bar';
  bar.setAttribute('aria-hidden', 'true');
  for (let i = 0; i < 4; i++) bar.append(document.createElement('span'));
  const label = document.createElement('p');
  label.className = 'field-hint';
  output.append(bar, label);

  let timer: number | undefined;
  const update = async () => {
    const password = input.value;
    if (password === '') {
      output.hidden = true;
      return;
    }
    const score = (await loadPasswordScorer())(password, otherFields());
    if (input.value !== password) return; // typed on meanwhile: the next update follows
    output.hidden = false;
    output.dataset.score = String(score);
    label.textContent = `Password strength: ${STRENGTH_LABELS[score]}`;
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void update(), 200);
  });
  // Start loading the dictionaries once the page is idle, before the first keystroke.
  window.setTimeout(() => void loadPasswordScorer(), 500);
}
