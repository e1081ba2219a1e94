// Input schemas shared by the modules (zod, checked by @pothos/plugin-validation before a resolver runs).
// Every message is the Chinese text the console shows; a failure answers BAD_USER_INPUT with the first message.
import { z } from 'zod';

/** Trimmed text of `min`–`max` characters. */
export const text = (label: string, max: number, min = 1) =>
  z.string().trim()
    .min(min, min <= 1 ? `${label}不能为空` : `${label}至少 ${min} 个字符`)
    .max(max, `${label}最长 ${max} 个字符`);

/** Trimmed text matching a pattern (checked after trimming). */
export const pattern = (re: RegExp, message: string) => z.string().trim().regex(re, message);

/** An integer within bounds. */
export const intIn = (label: string, min: number, max: number) =>
  z.number().int(`${label}须为整数`).min(min, `${label}须为 ${min}–${max} 的整数`).max(max, `${label}须为 ${min}–${max} 的整数`);

/** One of a fixed list of codes. */
export const oneOf = <T extends string>(values: readonly T[], message: string) =>
  z.string().refine((v): v is T => (values as readonly string[]).includes(v), message);

/** A list of ids of bounded length. */
export const idList = (label: string, max: number) => z.array(z.union([z.string(), z.number()])).max(max, `${label}过多（最多 ${max} 个）`);

/** Free-text search or filter words: bounded so a hostile request cannot make the database chew on megabytes. */
export const searchText = text('查询条件', 100, 0);

/** A password as typed: never trimmed; bounded so hashing a hostile megabyte is refused before it starts. */
export const passwordText = z.string().min(1, '请输入密码').max(128, '密码最长 128 个字符');

const DATE_RE = /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A calendar date YYYY-MM-DD that exists (no 2026-02-30). */
export const dateText = (label: string) => z.string().trim().regex(DATE_RE, `${label}格式应为 YYYY-MM-DD`)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, `${label}不是有效日期`);
