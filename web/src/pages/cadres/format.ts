/** "197503" → "1975.03"; anything else is shown as given. */
export function formatBirthMonth(v: string | null | undefined): string {
  if (!v) return '';
  const m = /^(\d{4})(\d{2})$/.exec(v.trim());
  return m ? `${m[1]}.${m[2]}` : v;
}

export const STATUS_COLORS: Record<string, string> = {
  在职: 'green',
  退休: 'default',
  调离: 'orange',
  离职: 'orange',
  去世: 'default',
};
