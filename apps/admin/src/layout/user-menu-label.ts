/**
 * The label for react-admin's UserMenu. Where the button shows the person's name (wide screens)
 * its accessible name must contain it (WCAG 2.5.3). Where it shows only an icon (phones),
 * react-admin translates the label as a key with the English "Profile" as the fallback, so
 * there it must be the key itself, or a Swedish panel says "Profile".
 */
export function userMenuLabel(
  fullName: string | undefined,
  nameShown: boolean,
  translate: (key: string) => string,
): string {
  const key = 'ra.auth.user_menu';
  return fullName && nameShown ? `${translate(key)}: ${fullName}` : key;
}
