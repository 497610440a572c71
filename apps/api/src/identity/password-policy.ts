import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laget/contracts';

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

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...dictionary, laget: LOCAL_WORDS },
  graphs: adjacencyGraphs,
});

export interface PasswordVerdict {
  ok: boolean;
  /** Swedish first, English in brackets: shown to the person choosing the password. */
  problems: string[];
}

/**
 * At least 12 characters and not guessable from lists of common passwords (issue 3). zxcvbn
 * scores 0–4; below 3 means a common password, a dictionary word with decorations, a keyboard
 * walk or a repetition, or one built from the person's own username or name.
 */
export function checkPassword(password: string, personal: readonly string[] = []): PasswordVerdict {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH)
    problems.push(
      `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken (at least ${PASSWORD_MIN_LENGTH} characters)`,
    );
  if (password.length > PASSWORD_MAX_LENGTH)
    problems.push(
      `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken (at most ${PASSWORD_MAX_LENGTH} characters)`,
    );
  if (problems.length === 0) {
    const result = zxcvbn.check(password, personalWords(personal));
    if (result.score < 3)
      problems.push('Lösenordet är för vanligt eller för lätt att gissa (too common or too easy to guess)');
  }
  return { ok: problems.length === 0, problems };
}

/** "Johan Svensson" → johan svensson, johan, svensson, johansvensson: zxcvbn matches user inputs as given. */
function personalWords(personal: readonly string[]): string[] {
  const words = new Set<string>();
  for (const entry of personal) {
    const lower = entry.toLowerCase().trim();
    if (lower.length === 0) continue;
    words.add(lower);
    const parts = lower.split(/[\s._-]+/).filter((part) => part.length > 1);
    for (const part of parts) words.add(part);
    words.add(parts.join(''));
  }
  return [...words];
}
