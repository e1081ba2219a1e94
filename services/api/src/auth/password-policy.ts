// Password complexity, judged against the effective settings of the account's tenant (the check itself is shared with
// the console: shared/password.ts).
import type { Settings } from '../modules/security/repo.js';
import { passwordProblem as check } from '../../../../shared/password.js';

/** A Chinese message saying what is wrong, or null when the password is acceptable. */
export function passwordProblem(password: string, s: Pick<Settings, 'password_min_length' | 'password_min_classes'>, username?: string): string | null {
  return check(password, { minLength: s.password_min_length, minClasses: s.password_min_classes }, username);
}
