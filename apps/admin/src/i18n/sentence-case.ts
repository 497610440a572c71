/**
 * Swedish titles are in sentence case: "Skapa inloggning", "Inga platser ännu". react-admin
 * builds them by putting the resource's name, capitalised as in a menu ("Inloggning"), into
 * `ra.page.create` or `ra.page.empty`; it reads `resources.<name>.page.create` and
 * `resources.<name>.forcedCaseName` first, so each resource gets those, in lower case.
 */
/** The shape of react-admin's messages (its StringMap). */
interface Words {
  [key: string]: Words | string | undefined;
}

interface ResourceWords extends Words {
  name: string;
}

/** "Plats" → "plats"; an acronym keeps its capitals ("API-nyckel"). */
export function lowerFirst(word: string): string {
  return /^\p{Lu}\p{Lu}/u.test(word) ? word : word.charAt(0).toLocaleLowerCase('sv') + word.slice(1);
}

export function withSentenceCaseTitles(
  resources: Record<string, ResourceWords>,
  create: (singular: string) => string,
): Record<string, Words> {
  return Object.fromEntries(
    Object.entries(resources).map(([resource, words]) => {
      const forms = words.name.split('||||').map((form) => lowerFirst(form.trim()));
      const page = typeof words.page === 'object' ? words.page : {};
      return [
        resource,
        {
          ...words,
          forcedCaseName: forms.join(' |||| '),
          page: { create: create(forms[0]!), ...page },
        },
      ];
    }),
  );
}
