// The password rule: the built-in defaults (a tenant's security settings may tighten them) and the check.

export interface PasswordRule { minLength: number; minClasses: number }

/** The defaults when no tenant on the way up sets its own (security settings password_min_length / _classes). */
export const DEFAULT_PASSWORD_RULE: PasswordRule = { minLength: 8, minClasses: 3 };
export const PASSWORD_MAX_LENGTH = 128;

const CLASSES: [RegExp, string][] = [[/[a-z]/, '小写字母'], [/[A-Z]/, '大写字母'], [/[0-9]/, '数字'], [/[^A-Za-z0-9]/, '符号']];

/** The rule in words: 「至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类」. */
export const passwordRuleText = (r: PasswordRule) =>
  `至少 ${r.minLength} 位，包含大写字母、小写字母、数字、符号中的至少 ${r.minClasses} 类`;

/** A Chinese message saying what is wrong, or null when the password is acceptable. */
export function passwordProblem(password: string, r: PasswordRule, username?: string): string | null {
  const rule = `密码须至少 ${r.minLength} 位，并包含大写字母、小写字母、数字、符号中的至少 ${r.minClasses} 类`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`;
  if (password.length < r.minLength) return rule;
  const classes = CLASSES.filter(([re]) => re.test(password)).length;
  if (classes < r.minClasses) return rule;
  if (/\s/.test(password)) return '密码不能包含空白字符';
  const name = username?.split('.').pop()?.toLowerCase();
  if (name && name.length >= 3 && password.toLowerCase().includes(name)) return '密码不能包含用户名';
  return null;
}
