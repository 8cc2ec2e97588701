/** Phone numbers as clerks list them – separated by commas, semicolons, slashes or 、 – one by one. */
export function splitPhones(text: string): string[] {
  return text
    .split(/[,，;；/、]+/)
    .map((phone) => phone.trim())
    .filter(Boolean);
}
