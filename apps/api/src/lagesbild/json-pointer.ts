/** JSON Pointer (RFC 6901): `""` is the whole value, `/items/0/comment` a path of reference tokens. */
export function parseJsonPointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  const tokens = pointer.slice(1).split('/');
  // `~` must be followed by 0 or 1; anything else is not a valid pointer.
  if (tokens.some((token) => /~(?![01])/.test(token))) return null;
  return tokens.map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatJsonPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** An array index token: `0` or a number without leading zeros. */
export function arrayIndex(token: string | undefined): number | null {
  return token !== undefined && /^(0|[1-9]\d*)$/.test(token) ? Number(token) : null;
}
