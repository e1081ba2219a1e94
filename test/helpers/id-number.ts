// Test ID numbers (公民身份号码, GB 11643): 17 digits plus the ISO 7064 MOD 11-2 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 18-character ID number from its first 17 digits. */
export function idFor(prefix17: string): string {
  if (!/^\d{17}$/.test(prefix17)) throw new Error(`idFor needs 17 digits, got ${prefix17}`);
  const sum = WEIGHTS.reduce((a, w, i) => a + w * Number(prefix17[i]), 0);
  return prefix17 + '10X98765432'[sum % 11];
}
