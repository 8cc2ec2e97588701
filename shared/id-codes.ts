/** Chinese identification codes: whose they are, and whether they are well formed. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident ID number (GB 11643): 17 digits, a check character, the check right. */
export function isResidentIdNumber(code: string): boolean {
  if (!/^\d{17}[\dX]$/.test(code)) return false;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(code[i]), 0);
  return '10X98765432'[sum % 11] === code[17];
}

/** A unified social credit code (GB 32100, 18 characters) or an old organisation code (GB 11714, 8+1). */
export function isOrganisationCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code) || /^[0-9A-Z]{8}-?[0-9X]$/.test(code);
}

