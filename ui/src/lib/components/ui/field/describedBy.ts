/** The aria-describedby of a field: its error if any, else its hint if any. */
export function describedBy(name: string, error?: string, hint?: string): string | undefined {
  if (error) return `error-${name}`;
  if (hint) return `hint-${name}`;
  return undefined;
}
