import { analysisSwedish } from './sv-analysis.js';
import { mapSwedish, areasSwedish } from './sv-map.js';
import type { TranslationMessages } from 'react-admin';
import { raSwedish } from './sv-ra.js';
import { lagesbildSwedish } from './sv-lagesbild.js';
import { gallringSwedish } from './sv-gallring.js';
import { eventsSwedish } from './sv-events.js';
import { atgarderSwedish } from './sv-atgarder.js';
import { withSentenceCaseTitles } from './sentence-case.js';

/** Läget's own words in Swedish: resource and field names and the panel's texts. */
export const lagetSwedish = {
  resources: {
    organisations: {
      name: 'Organisation |||| Organisationer',
      fields: { id: 'Id', name: 'Namn', kind: 'Typ av aktör', active: 'Aktiv', version: 'Version' },
    },
    users: {
      name: 'Inloggning |||| Inloggningar',
      fields: {
        id: 'Id',
        username: 'Användarnamn',
        displayName: 'Namn',
        email: 'E-post',
        organisationId: 'Organisation',
        roles: 'Roller',
        active: 'Aktiv',
      },
    },
    periods: {
      name: 'Vecka |||| Veckor',
      fields: {
        id: 'Vecka',
        startsOn: 'Från',
        endsOn: 'Till',
        monthlyMeeting: 'Månadsmöte',
        status: 'Status',
        reportingDeadline: 'Sista rapporteringsdag',
      },
    },
    reports: {
      name: 'Rapport |||| Rapporter',
      fields: {
        period: 'Vecka',
        organisationId: 'Organisation',
        status: 'Status',
        narrative: 'Organisationens rapport',
        incidents: 'Händelser',
        updatedAt: 'Senast ändrad',
      },
    },
    problems: {
      name: 'Problem |||| Problem',
      fields: {
        title: 'Rubrik',
        category: 'Kategori',
        placeIds: 'Platser',
        description: 'Beskrivning',
        status: 'Status',
      },
    },
    actions: {
      name: 'Åtgärd |||| Åtgärder',
      fields: {
        problemId: 'Problem',
        title: 'Rubrik',
        description: 'Beskrivning',
        ownerOrganisationId: 'Ansvarig organisation',
        responsibleUserId: 'Ansvarig person',
        startsOn: 'Startdatum',
        dueOn: 'Klart senast',
        status: 'Status',
        public: 'Offentlig',
      },
    },
    outbox: {
      name: 'Utkorg |||| Utkorg',
      fields: { writtenAt: 'Skrivet', recipient: 'Mottagare', subject: 'Ämne', body: 'Meddelande' },
    },
    lagesbilder: {
      name: 'Lägesbild |||| Lägesbilder',
      fields: { id: 'Vecka', period: 'Vecka', status: 'Status', revision: 'Revision' },
    },
    tokens: {
      name: 'API-nyckel |||| API-nycklar',
      fields: {
        name: 'Namn',
        createdAt: 'Skapad',
        expiresAt: 'Gäller till',
        lastUsedAt: 'Senast använd',
        revoked: 'Återkallad',
        expiresInDays: 'Giltig i antal dagar',
      },
    },
    audit: {
      name: 'Händelselogg |||| Händelselogg',
      fields: { occurredAt: 'Tid', type: 'Händelse', actorId: 'Vem', stream: 'Gäller' },
    },
    places: {
      name: 'Plats |||| Platser',
      fields: {
        name: 'Namn',
        kind: 'Typ av plats',
        retired: 'Ur bruk',
        coordinates: { lat: 'Latitud', lon: 'Longitud' },
      },
    },
    areas: {
      name: 'Område |||| Områden',
      fields: { name: 'Namn', placeCount: 'Platser', version: 'Version' },
    },
  },
  laget: {
    app: { title: 'Läget', tagline: 'Lokal lägesbild för Effektiv samordning för trygghet' },
    roles: {
      reporter: 'Rapportör',
      est_member: 'EST-gruppen',
      coordinator: 'BF-samordnare',
      reviewer: 'Granskare',
      admin: 'Systemadministratör',
    },
    organisation_kinds: {
      police: 'Polisen',
      social_services: 'Socialtjänsten',
      school: 'Skolan',
      municipal_company: 'Kommunalt bolag',
      business: 'Näringslivet',
      culture_leisure: 'Kultur & fritid',
      rescue_service: 'Räddningstjänsten',
      coordinator: 'Samordnare',
      other: 'Annan aktör',
    },
    place_kinds: {
      school: 'Skola',
      sports_facility: 'Idrottsanläggning',
      youth_centre: 'Fritidsgård',
      park: 'Park',
      square: 'Torg',
      street: 'Gata',
      shop: 'Butik',
      residential: 'Bostadsområde',
      public_transport: 'Kollektivtrafik',
      other: 'Annan plats',
    },
    week: { label: 'v%{week} %{year}' },
    status: {
      draft: 'Utkast',
      submitted: 'Inskickad',
      amended: 'Ändrad efter inskick',
      withdrawn: 'Återkallad',
      missing: 'Ej påbörjad',
      open: 'Öppen',
      closed: 'Stängd',
      compiled: 'Sammanställd',
      approved: 'Godkänd',
      published: 'Publicerad',
      retracted: 'Återkallad',
      late: 'Försenad',
      active: 'Aktiv',
      inactive: 'Inaktiv',
    },
    login: {
      title: 'Logga in i Läget',
      help: 'Problem med inloggningen? Kontakta din BF-samordnare.',
      too_many: 'För många misslyckade försök. Vänta en stund innan du försöker igen.',
      wrong: 'Fel användarnamn eller lösenord.',
    },
    password: {
      title: 'Byt lösenord',
      forced: 'Du loggade in med ett engångslösenord. Välj ett eget lösenord innan du fortsätter.',
      current: 'Nuvarande lösenord',
      new: 'Nytt lösenord',
      repeat: 'Upprepa det nya lösenordet',
      hint: 'Minst 12 tecken. En fras av flera ord är lätt att minnas och svår att gissa.',
      too_short: 'Lösenordet måste ha minst 12 tecken',
      mismatch: 'Lösenorden är inte lika',
      same: 'Välj ett annat lösenord än det nuvarande',
      changed: 'Lösenordet är bytt',
      save: 'Byt lösenord',
    },
    access_denied: {
      title: 'Ingen behörighet',
      text: 'Du har inte behörighet till den här sidan. Behöver du den, kontakta systemadministratören.',
      home: 'Till översikten',
    },
    menu: {
      dashboard: 'Översikt',
      my_report: 'Veckans rapport',
      analysis: 'Analys',
      map: 'Karta',
      change_password: 'Byt lösenord',
      gallring: 'Gallring',
    },
    dashboard: {
      welcome: 'Hej %{name}!',
      this_week: 'Den här veckan: %{week}',
      deadline: 'Sista dag att rapportera: %{date}',
      no_period: 'Veckan %{week} är inte öppnad för rapportering ännu.',
      report_status: 'Din organisations rapport:',
      open_report: 'Öppna veckans rapport',
      start_report: 'Börja veckans rapport',
      reported: 'Har rapporterat',
      not_reported: 'Har inte rapporterat',
      late: 'Försenade',
      amended_after_compile: 'Ändrad efter sammanställning',
      compile_week: 'Sammanställ veckan',
      reporting_for: 'Rapporteringen för %{week}',
      todo: 'Att göra',
      todo_for: 'Att göra för %{week}',
      organisations: 'Organisationer',
      users: 'Inloggningar',
      active_count: '%{count} aktiva av %{total}',
      must_change: 'Har inte bytt engångslösenord',
      nothing_waiting: 'Inget väntar just nu.',
      est_member: 'Som medlem i EST-gruppen läser du den interna lägesbilden för varje vecka.',
      lagesbild: {
        stale_redactions:
          '%{smart_count} maskering i lägesbilden för %{week} behöver ses över |||| %{smart_count} maskeringar i lägesbilden för %{week} behöver ses över',
        stale_redactions_help:
          'Texten har ändrats efter maskeringen. Bekräfta maskeringen på den nya texten eller ta bort den; först då kan den öppna versionen godkännas.',
        awaiting_approval: 'Lägesbilden för %{week} väntar på godkännande',
        awaiting_approval_help:
          'Läs igenom den öppna versionen och godkänn den. Där fyra ögon gäller godkänner granskaren.',
        awaiting_publication: 'Lägesbilden för %{week} är godkänd men inte publicerad',
        awaiting_publication_help: 'Publicera den öppna versionen från lägesbilden.',
      },
      stalled: {
        heading: 'En läsmodell har stannat',
        item: '%{name} har stannat vid händelse %{position} (%{type}) och visar inte nya uppgifter.',
        help: 'Listor och sidor som bygger på den kan visa gamla uppgifter eller svara med fel. Be den som driftar Läget läsa loggen, åtgärda felet och sedan starta om Läget eller bygga om läsmodellen (npm run projections:rebuild -- %{projection}).',
        names: {
          audit_log: 'Granskningsloggen',
          identity: 'Inloggningar och organisationer',
          reporting_reports: 'Rapportlistan',
          reporting_periods: 'Veckornas status',
          reporting_places: 'Platsregistret',
          reporting_organisations: 'Organisationerna i rapporteringen',
          public_publications: 'Publiceringarna på den öppna webbplatsen',
        },
      },
      failed: {
        heading: 'Misslyckade jobb',
        publish: 'Publiceringen av %{week} misslyckades',
        publish_help: 'Öppna lägesbilden och publicera igen: veckan är fri att publiceras på nytt.',
        webhook: 'Kommunens webbplats fick inte besked om publiceringen av %{week}',
        webhook_help:
          'Själva publiceringen är gjord. Be den som sköter webbplatsen kontrollera mottagaren av publiceringsmeddelanden.',
        email: 'Ett e-postmeddelande kunde inte skickas',
        email_help:
          'Be systemadministratören kontrollera e-postinställningen (SMTP_URL). Mottagaren kan behöva få beskedet på annat sätt.',
        reminders: 'Påminnelserna kunde inte skickas',
        reminders_help:
          'Se efter vilka organisationer som inte har rapporterat och påminn dem på annat sätt, till exempel per telefon.',
        other: 'Ett bakgrundsjobb misslyckades (%{kind})',
        other_help: 'Kontakta systemadministratören och ange jobbets id: %{id}.',
        when: 'Misslyckades %{date}.',
        technical: 'Tekniskt fel:',
        cause: {
          publish_not_requested:
            'Jobbet gällde en publicering som aldrig har begärts, till exempel ett gammalt eller dubblerat jobb. Inget publicerades.',
          publish_changed: 'Den öppna versionen stämde inte med den som godkändes, så den publicerades inte.',
          publish_map_changed:
            'Kartan som skulle publiceras är inte den som godkändes: områden, platser eller kategorier har ändrats efter godkännandet. Godkännandet gäller inte längre. Granska kartan, godkänn igen och publicera.',
          publish_recorded_failed:
            'Publiceringen var redan registrerad som misslyckad, så jobbet gjorde inget mer.',
          publish_no_lagesbild: 'Det finns ingen lägesbild för veckan i databasen.',
          publish_files_missing: 'Den lagrade PDF-filen för publiceringen saknas.',
          publish_render:
            'PDF:en kunde inte skapas för en del av den öppna versionen: %{where}. Texten där innehåller troligen tecken som inte går att skriva ut. Rätta den och publicera igen.',
          publish_unknown:
            'Något gick fel när den öppna versionen skulle sparas, göras till PDF eller registreras som publicerad.',
          webhook_refused:
            'Webbplatsens mottagare nekade meddelandet (svarskod %{status}). Kontrollera att mottagaren och Läget har samma hemlighet (LAGET_PUBLICATION_WEBHOOK_SECRET).',
          webhook_missing:
            'Adressen till webbplatsens mottagare finns inte (svarskod %{status}). Kontrollera LAGET_PUBLICATION_WEBHOOK_URL.',
          webhook_receiver_error: 'Webbplatsens mottagare hade ett eget fel (svarskod %{status}).',
          webhook_status: 'Webbplatsens mottagare tog inte emot meddelandet (svarskod %{status}).',
          webhook_timeout: 'Webbplatsens mottagare svarade inte i tid.',
          webhook_unreachable:
            'Webbplatsens mottagare gick inte att nå: adressen finns inte eller svarar inte.',
          webhook_unknown: 'Meddelandet till webbplatsens mottagare kunde inte skickas.',
          email_login: 'E-postservern godtog inte Lägets inloggning.',
          email_recipient: 'E-postservern tog inte emot mottagarens adress.',
          email_timeout: 'E-postservern svarade inte i tid.',
          email_unreachable: 'E-postservern gick inte att nå.',
          email_not_requested:
            'Jobbet gällde ett e-postmeddelande som aldrig har begärts, till exempel ett gammalt eller dubblerat jobb.',
          email_unknown: 'E-postservern tog inte emot meddelandet.',
          reminders_unknown:
            'Läget kunde inte förbereda påminnelserna per e-post till organisationerna som inte har rapporterat.',
        },
      },
    },
    users: {
      one_time_title: 'Engångslösenord',
      one_time_text:
        'Ge lösenordet till %{name} på ett säkert sätt. Det visas bara den här gången och måste bytas vid första inloggningen.',
      copy: 'Kopiera',
      copied: 'Kopierat',
      done: 'Jag har noterat lösenordet',
      reset: 'Nytt engångslösenord',
      reset_confirm:
        'Ge %{name} ett nytt engångslösenord? Det nuvarande lösenordet och inloggningens API-token slutar gälla.',
      deactivate: 'Inaktivera',
      activate: 'Aktivera',
      deactivated: 'Inloggningen är inaktiverad',
      activated: 'Inloggningen är aktiverad',
    },
    organisations: {
      deactivate: 'Inaktivera',
      activate: 'Aktivera',
    },
    places: {
      coordinates: 'Koordinater (WGS84)',
      lat_help: 'Frivilligt. Decimalgrader, t.ex. 60.0790',
      lon_help: 'Frivilligt. Decimalgrader, t.ex. 15.7320',
      no_coordinates: 'Inga koordinater',
      compass: { north: 'N', south: 'S', east: 'Ö', west: 'V' },
      show_retired: 'Visa även platser som tagits ur bruk',
      retired: 'Ur bruk',
      retired_notice:
        'Platsen är tagen ur bruk: den går inte att välja för nya händelser, men de som redan pekar på den behåller den.',
      retire: 'Ta ur bruk',
      retire_title: 'Ta ”%{name}” ur bruk?',
      retire_content:
        'Platsen går inte längre att välja för nya händelser. Händelser som redan pekar på den behåller den.',
      retired_done: 'Platsen är tagen ur bruk',
      errors: {
        lat_range: 'Latituden ska vara mellan −90 och 90.',
        lon_range: 'Longituden ska vara mellan −180 och 180.',
        both_or_neither: 'Ange både latitud och longitud, eller ingen av dem.',
      },
    },
    periods: {
      compliance: 'Rapportering',
      organisation: 'Organisation',
      state: 'Läge',
      submitted_at: 'Inskickad',
      lagesbild: 'Lägesbild',
      monthly: 'Månadsmöte',
      reported_count: '%{reported} av %{total} har rapporterat',
      open_lagesbild: 'Öppna lägesbilden',
    },
    report: {
      title: 'Rapport %{week}: %{organisation}',
      // The app bar's title: on a 390 px phone it has room for about twelve characters.
      bar_title: 'Rapport %{week}',
      help_intro:
        'Rapportera vad som har hänt den gångna veckan när det gäller brottslighet och otrygghet. Utkastet sparas medan du skriver.',
      narrative_help:
        'Kort text om läget i er verksamhet, till exempel ”Lugnt just nu, enstaka mindre skadegörelse”.',
      nothing_to_report: 'Inget att rapportera den här veckan',
      nothing_to_report_text: 'Inget att rapportera den här veckan.',
      incidents: 'Inrapporterade händelser',
      no_incidents: 'Inga händelser ännu.',
      add_incident: 'Lägg till händelse',
      edit_incident: 'Ändra händelse',
      remove_incident: 'Ta bort händelsen',
      remove_confirm: 'Ta bort händelsen ”%{problem}”?',
      submit: 'Skicka in rapporten',
      resubmit: 'Skicka in ändringen',
      amend: 'Ändra rapporten',
      submitted: 'Rapporten är inskickad. Tack!',
      saved: 'Sparat',
      saved_incident: 'Händelsen är sparad',
      saved_next: 'Händelsen är sparad. Fyll i nästa.',
      save_and_next: 'Spara och lägg till nästa',
      saved_statistics: 'Statistiken är sparad',
      saving: 'Sparar …',
      conflict_title: 'Rapporten har ändrats av någon annan',
      conflict_text: 'Vi har hämtat den senaste versionen. Det här ändrades:',
      conflict_keep: 'Din text, som inte sparades:',
      conflict_ok: 'Jag förstår',
      changed_narrative: 'Organisationens rapport (texten)',
      changed_status: 'Status: %{from} → %{to}',
      incident_added: 'Ny händelse: %{problem}',
      incident_removed: 'Borttagen händelse: %{problem}',
      incident_changed: 'Ändrad händelse: %{problem}',
      create_for: 'Börja rapport',
      not_found: 'Rapporten finns inte, eller så får du inte se den.',
      read_only: 'Rapporten är inskickad. Välj ”Ändra rapporten” om något behöver rättas.',
      locked:
        'Lägesbilden för veckan är sammanställd, så rapporten är låst. Kontakta BF-samordnaren om något behöver rättas.',
      compiled_early:
        'Lägesbilden för %{week} sammanställdes före tidsfristen. Har din organisation inte rapporterat kan du fortfarande lämna rapporten för veckan; BF-samordnaren tar in den i lägesbilden.',
      attendance: 'Den här veckan',
      statistics: 'Polisens statistik',
    },
    compliance: { on_time: 'I tid', late: 'Sent', pending: 'Väntar', missing: 'Saknas' },
    attendance: {
      reporting: 'Vi rapporterar',
      nothing_to_report: 'Inget att rapportera',
      not_attending: 'Deltar inte på mötet',
    },
    statistics: {
      handelserapporter: 'Händelserapporter',
      arenden: 'Ärenden',
      brott: 'Brott',
      note: 'Anmärkning',
      row_note: 'Anmärkning om %{category}',
      categories: 'Per brottskategori',
      categories_help:
        'Antal per kategori; anmärkningen står inom parentes i lägesbilden, till exempel ”postnord, resebolag”.',
      save: 'Spara statistiken',
    },
    incident: {
      problem: 'Problematik',
      problem_help: 'Vad är det som har hänt?',
      category: 'Kategori',
      category_help: 'Vilken sorts händelse? Välj ”Övrigt” om ingen passar.',
      category_choose: 'Välj kategori',
      category_uncategorised: 'Okategoriserad',
      location: 'Plats',
      location_help: 'Var någonstans har det hänt? Så exakt som möjligt.',
      occurredAt: 'Tidpunkt',
      occurredAt_help: 'När hände det, eller när händer det oftast?',
      frequency: 'Frekvens',
      frequency_help: 'Hur ofta händer det?',
      severity: 'Bedömning (1–5)',
      severity_help:
        'Sammanställd bedömning: hur allvarligt är problemet just nu? 1 = %{lowest}, 5 = %{highest}.',
      scope: 'Berör',
      scope_help: 'Berör problemet er egen verksamhet (E), andra (A) eller båda (EA)?',
      choose_one: 'Välj ett av alternativen.',
      comment: 'Kommentar',
      comment_help: 'Annat som är bra att veta.',
      tags: 'Taggar',
      tags_help:
        'Egna sökord som gör händelsen lätt att hitta, till exempel busskur eller helg. Avsluta ett ord med Enter eller komma. Skriv inga namn.',
      tags_too_long: 'Högst %{max} tecken i en tagg.',
      tags_full: 'Högst %{max} taggar på en händelse.',
    },
    lagesbild: lagesbildSwedish,
    gallring: gallringSwedish,
    events: eventsSwedish,
    atgarder: atgarderSwedish,
    outbox: {
      intro:
        'Läget har ingen e-postserver inställd (SMTP_URL). Här ligger de e-postmeddelanden som skulle ha skickats: påminnelser och meddelanden.',
    },
    analysis: analysisSwedish,
    map: mapSwedish,
    areas: areasSwedish,
    audit: { from: 'Från och med', to: 'Till' },
    tokens: {
      revoke: 'Återkalla',
      name_help: 'Vad nyckeln används till, till exempel ”Kommunens webbplats”.',
      days_help: 'Högst 1 095 dagar (tre år).',
      secret_title: 'Ny API-nyckel',
      secret_text: 'Kopiera nyckeln nu. Den visas bara den här gången; Läget sparar bara ett kontrollvärde.',
    },
    common: {
      saved: 'Sparat',
      yes: 'Ja',
      no: 'Nej',
      loading: 'Laddar …',
      error: 'Något gick fel: %{message}',
      required: 'Obligatoriskt',
    },
  },
};

export type LagetMessages = typeof lagetSwedish;

export const swedishMessages: TranslationMessages = {
  ra: raSwedish,
  ...lagetSwedish,
  resources: withSentenceCaseTitles(lagetSwedish.resources, (name) => `Skapa ${name}`),
};
