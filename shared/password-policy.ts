/**
 * The shortest password any account may have (an archive's settings may ask for more). Kept apart
 * from the zod schemas so that the first-run screen can show it without loading them.
 */
export const PASSWORD_MIN_LENGTH = 8;
