// Password complexity, judged against the effective settings of the account's tenant.
import type { Settings } from '../modules/security/repo.js';

const CLASSES: [RegExp, string][] = [[/[a-z]/, '小写字母'], [/[A-Z]/, '大写字母'], [/[0-9]/, '数字'], [/[^A-Za-z0-9]/, '符号']];

/** A Chinese message saying what is wrong, or null when the password is acceptable. */
export function passwordProblem(password: string, s: Pick<Settings, 'password_min_length' | 'password_min_classes'>, username?: string): string | null {
  const rule = `密码须至少 ${s.password_min_length} 位，并包含大写字母、小写字母、数字、符号中的至少 ${s.password_min_classes} 类`;
  if (password.length > 128) return '密码不能超过 128 位';
  if (password.length < s.password_min_length) return rule;
  const classes = CLASSES.filter(([re]) => re.test(password)).length;
  if (classes < s.password_min_classes) return rule;
  if (/\s/.test(password)) return '密码不能包含空白字符';
  const name = username?.split('.').pop()?.toLowerCase();
  if (name && name.length >= 3 && password.toLowerCase().includes(name)) return '密码不能包含用户名';
  return null;
}
