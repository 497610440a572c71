import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laget/contracts';
import { swedishFeedback } from './password-feedback.sv.js';

/** Words a Läget user would try first; zxcvbn's common-password list does not know them. */
const LOCAL_WORDS = [
  'laget',
  'läget',
  'lagesbild',
  'lägesbild',
  'norberg',
  'kommun',
  'polisen',
  'sommar',
  'vinter',
  'losenord',
  'lösenord',
];

/** zxcvbn's own scale, 0–4: 3 means at least 10⁸ guesses, "safely unguessable" for an online attack. */
export const MIN_PASSWORD_SCORE = 3;

/** Shorter usernames ("ab") are too likely to occur by chance in a good password to refuse on sight. */
const MIN_USERNAME_TO_REFUSE = 3;

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...dictionary, laget: LOCAL_WORDS },
  graphs: adjacencyGraphs,
  translations: swedishFeedback,
});

/** Who chooses the password: zxcvbn treats these as words an attacker who knows them tries first. */
export interface PasswordInputs {
  username?: string;
  displayName?: string;
  /** The municipality's name, e.g. "Norbergs kommun". */
  municipality?: string;
}

export interface PasswordVerdict {
  ok: boolean;
  /** Swedish first, English in brackets: shown to the person choosing the password. */
  problems: string[];
}

/**
 * At least 12 characters, not the username inside, and a zxcvbn score of at least 3 both for the
 * whole password and for what is left of it without Läget's own words, the municipality's name
 * and the person's names. The second score is needed because zxcvbn adds 10⁴ guesses for every
 * further part it finds, so any three parts reach a score of 3: `laget2024laget` scores 3,
 * while without "laget" only "2024" is left.
 */
export function checkPassword(password: string, inputs: PasswordInputs = {}): PasswordVerdict {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH)
    problems.push(
      `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken (at least ${PASSWORD_MIN_LENGTH} characters)`,
    );
  if (password.length > PASSWORD_MAX_LENGTH)
    problems.push(
      `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken (at most ${PASSWORD_MAX_LENGTH} characters)`,
    );
  if (problems.length > 0) return { ok: false, problems };

  const username = (inputs.username ?? '').trim().toLowerCase();
  if (username.length >= MIN_USERNAME_TO_REFUSE && fold(password).includes(fold(username)))
    problems.push('Lösenordet får inte innehålla ditt användarnamn (must not contain your username)');

  const personal = personalWords([inputs.username, inputs.displayName, inputs.municipality]);
  const whole = zxcvbn.check(password, personal);
  if (whole.score < MIN_PASSWORD_SCORE) {
    problems.push('Lösenordet är för vanligt eller för lätt att gissa (too common or too easy to guess)');
    if (whole.feedback.warning) problems.push(whole.feedback.warning);
    problems.push(...whole.feedback.suggestions);
  } else {
    const rest = withoutWords(password, [...LOCAL_WORDS, ...personal]);
    if (rest !== password && zxcvbn.check(rest, personal).score < MIN_PASSWORD_SCORE)
      problems.push(
        'Lösenordet vilar på ord som är lätta att gissa här: Läget, kommunens namn eller ditt namn. ' +
          'Lägg till fler egna ord (relies on words easy to guess here: Läget, the municipality or your name; add more words of your own)',
      );
  }
  return { ok: problems.length === 0, problems: [...new Set(problems)] };
}

/** Lower case without diacritics, so that "Lägesbild" and "lagesbild" are the same word. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** "Johan Svensson" → johan svensson, johan, svensson, johansvensson: zxcvbn matches user inputs as given. */
function personalWords(entries: readonly (string | undefined)[]): string[] {
  const words = new Set<string>();
  for (const entry of entries) {
    const lower = (entry ?? '').toLowerCase().trim();
    if (lower.length === 0) continue;
    words.add(lower);
    const parts = lower.split(/[\s._-]+/).filter((part) => part.length > 1);
    for (const part of parts) words.add(part);
    words.add(parts.join(''));
    for (const word of [...words]) words.add(fold(word));
  }
  return [...words];
}

/** The password with every occurrence of the given words (three letters or more) taken out, case and accents ignored. */
function withoutWords(password: string, words: readonly string[]): string {
  const folded = [...new Set(words.map(fold).filter((word) => word.length >= 3))].sort(
    (a, b) => b.length - a.length,
  );
  // Folding can change the length (ä → a + U+0308 before the marks go); work on the folded
  // characters one by one so that positions in the folded text map back to the original.
  const characters = [...password];
  const foldedCharacters = characters.map(fold);
  const keep = characters.map(() => true);
  const foldedText = foldedCharacters.join('');
  const startOf: number[] = [];
  let offset = 0;
  for (const piece of foldedCharacters) {
    startOf.push(offset);
    offset += piece.length;
  }
  for (const word of folded) {
    for (let at = foldedText.indexOf(word); at >= 0; at = foldedText.indexOf(word, at + 1)) {
      for (let index = 0; index < characters.length; index++)
        if (startOf[index]! >= at && startOf[index]! < at + word.length) keep[index] = false;
    }
  }
  return characters.filter((_, index) => keep[index]).join('');
}
