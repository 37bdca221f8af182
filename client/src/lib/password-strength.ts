// Password strength for the meters on /register and in the settings: zxcvbn-ts with
// its common-passwords dictionaries (over a megabyte), loaded on first use in a chunk
// of its own so no page waits for it. The server's rules decide; this only guides.
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export const STRENGTH_LABELS: Record<StrengthScore, string> = {
  0: 'Very weak',
  1: 'Weak',
  2: 'Fair',
  3: 'Good',
  4: 'Strong',
};

export type PasswordScorer = (password: string, userInputs: string[]) => StrengthScore;

/** zxcvbn's cost grows with length; beyond this a password is long enough to judge. */
const SCORED_LENGTH = 64;

let scorer: Promise<PasswordScorer> | undefined;

export function loadPasswordScorer(): Promise<PasswordScorer> {
  scorer ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) => {
      const zxcvbn = new core.ZxcvbnFactory({
        dictionary: common.dictionary,
        graphs: common.adjacencyGraphs,
      });
      return (password, userInputs) =>
        zxcvbn.check(password.slice(0, SCORED_LENGTH), userInputs).score as StrengthScore;
    },
  );
  return scorer;
}
