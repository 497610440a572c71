/**
 * Swedish titles are in sentence case: "Skapa inloggning", "Inga platser ännu". react-admin
 * builds them by putting the resource's name, capitalised as in a menu ("Inloggning"), into
 * `ra.page.create` or `ra.page.empty`; it reads `resources.<name>.page.create` and
 * `resources.<name>.forcedCaseName` first, so each resource gets those, in lower case.
 */
interface ResourceWords {
  name: string;
  [key: string]: unknown;
}

/** "Plats" → "plats"; an acronym keeps its capitals ("API-nyckel"). */
export function lowerFirst(word: string): string {
  return /^\p{Lu}\p{Lu}/u.test(word) ? word : word.charAt(0).toLocaleLowerCase('sv') + word.slice(1);
}

export function withSentenceCaseTitles<R extends Record<string, ResourceWords>>(
  resources: R,
  create: (singular: string) => string,
): R {
  return Object.fromEntries(
    Object.entries(resources).map(([resource, words]) => {
      const forms = words.name.split('||||').map((form) => lowerFirst(form.trim()));
      const page = (words.page as Record<string, string> | undefined) ?? {};
      return [
        resource,
        {
          ...words,
          forcedCaseName: forms.join(' |||| '),
          page: { create: create(forms[0]!), ...page },
        },
      ];
    }),
  ) as R;
}
