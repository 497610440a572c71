import { defaultLegalGrounds as contractLegalGrounds, type SuggestionKind } from '@laget/contracts';

/**
 * The legal grounds a redaction may cite. The API accepts only the municipality's configured
 * list (LAGET_LEGAL_GROUNDS) and names it in a 400's `details.allowed`; until it has said so,
 * the panel offers the API's default list.
 */
export const defaultLegalGrounds: readonly string[] = contractLegalGrounds;

/** What each common ground is about, shown beside it; unknown grounds show alone. */
export const legalGroundHints: Record<string, string> = {
  'OSL 18 kap. 1 §': 'Förundersökning i brottmål',
  'OSL 26 kap. 1 §': 'Socialtjänst',
  'OSL 35 kap. 1 §': 'Uppgift om enskild i brottsbekämpande verksamhet',
  'GDPR art. 9': 'Känsliga personuppgifter',
  'GDPR art. 10': 'Personuppgifter om lagöverträdelser',
  'Uppgift om enskild': 'Pekar ut en enskild person',
};

/** The allowed list out of a refusal, where the API gave one. */
export function allowedGroundsOf(error: unknown): string[] | undefined {
  const allowed = (error as { body?: { details?: { allowed?: unknown } } })?.body?.details?.allowed;
  return Array.isArray(allowed) && allowed.every((g) => typeof g === 'string') ? allowed : undefined;
}

/**
 * A first wording of the reason for an accepted suggestion; the person may change it. The legal
 * ground is never proposed: which law allows keeping something secret is the coordinator's own
 * judgement, and a ground chosen in advance is too easily accepted unread.
 */
export function suggestedReason(kind: SuggestionKind | undefined): string {
  switch (kind) {
    case 'name':
    case 'personnummer':
      return 'Uppgiften pekar ut en enskild person i samband med brott.';
    case 'phone':
    case 'email':
    case 'address':
    case 'licence_plate':
      return 'Personuppgiften behövs inte i den öppna versionen.';
    case 'masked_elsewhere':
      return 'Samma uppgift är maskerad på ett annat ställe.';
    default:
      return '';
  }
}
