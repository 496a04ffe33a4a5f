/**
 * The sentence to show for something thrown. Errors carry their own message (our S1Error and the
 * write reports word theirs for the analyst); a rejection crossing the messaging layer may arrive as a
 * plain object with a `message`; anything else is shown as text rather than as "[object Object]".
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message } = error as { message: unknown };
    if (typeof message === 'string' && message) return message;
  }
  if (error === undefined || error === null || error === '') return 'Unknown error';
  if (typeof error === 'object') {
    try {
      return JSON.stringify(error);
    } catch {
      return String(error);
    }
  }
  return String(error);
}
