import { PASSWORD_MIN_LENGTH } from '@laget/contracts';

/** The checks the panel makes before asking the server to change a password; the server decides. */
export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export type PasswordProblem = 'too_short' | 'mismatch' | 'same';

export const minimumPasswordLength = PASSWORD_MIN_LENGTH;

export function passwordProblems(
  change: PasswordChange,
): Partial<Record<keyof PasswordChange, PasswordProblem>> {
  const problems: Partial<Record<keyof PasswordChange, PasswordProblem>> = {};
  // Code points, not UTF-16 units: "åäö" and emoji count as the characters a person typed.
  if ([...change.newPassword].length < minimumPasswordLength) problems.newPassword = 'too_short';
  else if (change.newPassword === change.currentPassword) problems.newPassword = 'same';
  if (change.repeat !== change.newPassword) problems.repeat = 'mismatch';
  return problems;
}
