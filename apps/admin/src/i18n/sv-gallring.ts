/** The gallring page's texts (`laget.gallring`), Swedish. */
export const gallringSwedish = {
  title: 'Gallring',
  intro:
    'Personuppgifter i rapporter och lägesbilder krypteras. När tiden i dokumenthanteringsplanen har gått ut raderas nyckeln och texten visas som [gallrad] överallt. Vem som gjorde vad och när finns kvar. Publicerade öppna versioner gallras inte.',
  rules: 'Regler',
  months: '%{months} månader',
  next_run: 'Nästa gallring: %{at}',
  report: 'Registratorns rapport',
  report_intro:
    'Vad som gallrats eller raderats, när och enligt vilken regel eller begäran. Aldrig innehållet.',
  empty: 'Inget har gallrats ännu.',
  csv: 'Ladda ner som CSV',
  columns: {
    at: 'Tidpunkt',
    what: 'Grund',
    by: 'Av',
    legalGround: 'Rättslig grund',
    kind: 'Slag',
    count: 'Antal',
  },
  what: { rule: 'Regel', request: 'Begäran' },
  kinds: {
    report: 'Rapporter',
    lagesbild: 'Lägesbilder',
    login: 'Inloggningar',
    email: 'E-brev',
    append_keys: 'Idempotensnycklar',
    other: 'Övrigt',
    none: 'Inget funnet',
  },
};
