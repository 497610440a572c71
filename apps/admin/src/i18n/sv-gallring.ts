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
    ip: 'IP-adresser',
    append_keys: 'Idempotensnycklar',
    stored_copies: 'Sparade kopior (svar och utkorg)',
    other: 'Övrigt',
    none: 'Inget funnet',
  },
  run: {
    title: 'Gallra nu',
    intro:
      'Gallringen körs varje natt. Här kan du se vad som skulle gallras nu och köra den direkt, till exempel före en inspektion. Det som gallras kan inte återställas.',
    dry: 'Visa vad som skulle gallras',
    now: 'Gallra nu',
    would: 'Skulle gallras: %{count} ämnen',
    did: 'Gallrat: %{count} ämnen',
    cutoff: 'Äldre än %{at}',
    confirm_title: 'Gallra nu?',
    confirm_content:
      'Nycklarna till allt som har passerat sin tid raderas. Texterna visas därefter som [gallrad] överallt och kan inte återställas.',
  },
  erasure: {
    title: 'Radera personuppgifter på begäran',
    intro:
      'Sök efter en person i det interna materialet och radera uppgifterna med rättslig grund och skäl. Du ser var uppgifterna finns (slag, vecka, fält), aldrig innehållet. Publicerade öppna versioner påverkas inte.',
    kind: 'Sök på',
    kinds: {
      personnummer: 'Personnummer',
      text: 'Namn eller annan text',
      phone: 'Telefonnummer',
      email: 'E-postadress',
    },
    legal_ground: 'Rättslig grund',
    reason: 'Skäl',
    preview: 'Sök',
    erase: 'Radera',
    would: 'Hittade %{count} uppgifter som skulle raderas',
    did: 'Raderade %{count} uppgifter',
    copies_would:
      'och %{count} sparade kopior (svar på upprepade anrop, brev i utkorgen) som skulle tas bort',
    copies_did: 'och tog bort %{count} sparade kopior (svar på upprepade anrop, brev i utkorgen)',
    columns: { kind: 'Slag', week: 'Vecka', eventType: 'Händelse', field: 'Fält', values: 'Antal' },
    confirm_title: 'Radera uppgifterna?',
    confirm_content:
      '%{count} uppgifter raderas och visas därefter som [gallrad] överallt. Det kan inte ångras. Raderingen registreras utan innehållet.',
  },
};
