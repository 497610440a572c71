import type { SuggestionKind } from '@laget/contracts';

/**
 * The legal grounds a coordinator most often cites when leaving something out of the open
 * version. Any other ground can be typed; these only save looking them up.
 */
export const legalGrounds: { id: string; label: string }[] = [
  { id: 'GDPR art. 10', label: 'Personuppgifter om lagöverträdelser' },
  { id: 'GDPR art. 9', label: 'Känsliga personuppgifter' },
  { id: 'GDPR art. 5.1 c', label: 'Uppgiftsminimering: behövs inte i den öppna versionen' },
  { id: 'OSL 18 kap. 1 §', label: 'Förundersökning i brottmål' },
  { id: 'OSL 35 kap. 1 §', label: 'Uppgift om enskild i brottsbekämpande verksamhet' },
  { id: 'OSL 26 kap. 1 §', label: 'Socialtjänst' },
  { id: 'OSL 23 kap. 2 §', label: 'Skola: enskilds personliga förhållanden' },
  { id: 'OSL 21 kap. 3 §', label: 'Adress och kontaktuppgifter vid risk för förföljelse' },
];

/** A first choice of ground and reason for an accepted suggestion; the person may change both. */
export function defaultsFor(kind: SuggestionKind | undefined): { legalGround: string; reason: string } {
  switch (kind) {
    case 'name':
    case 'personnummer':
      return {
        legalGround: 'GDPR art. 10',
        reason: 'Uppgiften pekar ut en enskild person i samband med brott.',
      };
    case 'phone':
    case 'email':
    case 'address':
    case 'licence_plate':
      return { legalGround: 'GDPR art. 5.1 c', reason: 'Personuppgiften behövs inte i den öppna versionen.' };
    case 'masked_elsewhere':
      return { legalGround: 'GDPR art. 10', reason: 'Samma uppgift är maskerad på ett annat ställe.' };
    default:
      return { legalGround: '', reason: '' };
  }
}
