/**
 * A refusal in Swedish. The lägesbild API answers its workflow rules in both languages,
 * "Swedish / English", and a few technical refusals in English only; the coordinator gets the
 * Swedish half, or for an English-only answer the Swedish meaning of its status.
 */
const byStatus: Record<number, string> = {
  400: 'Uppgifterna godtogs inte.',
  401: 'Du är inte inloggad.',
  403: 'Du har inte behörighet till detta.',
  404: 'Finns inte, eller så får du inte se det.',
  409: 'Någon annan har ändrat lägesbilden under tiden. Sidan visar nu det senaste; försök igen.',
  422: 'Det går inte i det här läget av arbetsflödet.',
  429: 'För många försök. Vänta en stund och försök igen.',
};

const swedishLetters = /[åäöÅÄÖ]|\b(och|inte|eller|att|är|för|den|det|som|på|ska)\b/;

export function swedishError(caught: unknown): string {
  const status = (caught as { status?: number } | undefined)?.status;
  const message = (caught as { message?: unknown } | undefined)?.message;
  const text = typeof message === 'string' ? message.trim() : '';
  const split = text.indexOf(' / ');
  if (split > 0) return text.slice(0, split).trim();
  if (text && swedishLetters.test(text)) return text;
  return (status !== undefined && byStatus[status]) || 'Något gick fel. Försök igen om en stund.';
}
