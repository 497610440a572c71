import { randomUUID } from 'node:crypto';
import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { EditReportRequest, PoliceStatistics } from '@laget/contracts';
import { defineAbilityFor, type Role } from '@laget/permissions';
import type { SignedInCaller } from '../identity/index.js';
import { DomainError } from '../platform/domain/domain-error.js';
import {
  AddIncidentCommand,
  EditReportCommand,
  OpenReportCommand,
  RegisterPlaceCommand,
  SubmitReportCommand,
} from './commands/index.js';
import { ListPlacesQuery } from './queries/index.js';

/** The seed document's week (seed/norberg-lagesbild-v48-2024.txt). */
export const DEMO_PERIOD = '2024-W48';

/** Who files for each organisation of the seed: the demo logins the identity module creates. */
export interface DemoReporter {
  organisationId: string;
  userId: string;
}

export interface DemoReporters {
  police: DemoReporter;
  socialServices: DemoReporter;
  school: DemoReporter;
  nvk: DemoReporter;
  business: DemoReporter;
  cultureLeisure: DemoReporter;
  /** Registers the seed's places (Frida Hansdotter Arena, Unkan) when given. */
  coordinator?: DemoReporter;
}

const policeStatistics: PoliceStatistics = {
  handelserapporter: 29,
  arenden: 13,
  brott: 21,
  note: 'Huvudsakligen egeninitierat.',
  categories: [
    { category: 'forlust_av_egendom', count: 2, note: 'Förlust av bilnyckel' },
    { category: 'forsok_till_bedrageri', count: 3, note: 'postnord, resebolag, klarna' },
    { category: 'grov_stold', count: 1, note: 'plånbok + ring' },
    { category: 'bedrageri', count: 1 },
    { category: 'forlust_av_egendom', count: 1, note: 'Förlust av katt (återfunnen)' },
    { category: 'grov_fridskrankning', count: 6, note: 'inom relation' },
    { category: 'barnfridsbrott', count: 2, note: 'inom relation' },
    { category: 'viltolycka', count: 1, note: 'Rådjur RV68' },
    { category: 'sexualbrott', count: 1, note: 'Sedlighetsbrott' },
    { category: 'forlust_av_egendom', count: 1, note: 'Förlust av plånbok' },
    {
      category: 'bedrageri',
      count: 1,
      note: 'Bedrägeri + olovlig identitetsanvändning (handlat på Klarna i annans namn)',
    },
  ],
};

const narratives: Record<Exclude<keyof DemoReporters, 'coordinator'>, EditReportRequest> = {
  police: { statistics: policeStatistics },
  socialServices: {
    narrative:
      'Inget större inflöde av ärenden som rör narkotika just nu. Löper på som vanligt.\n\n' +
      'Inga nyheter på äldrevårdssidan. Informationskort om bedrägeri överlämnas till äldrevården för ' +
      'spridning på förebyggande hembesök.',
  },
  business: {
    narrative:
      'Enkätundersökningen sammanställd. Rädslan för brott är större än den faktiska risken. ' +
      'Anmälningbenägenheten är väldigt låg, uppfattning om att det inte leder till något.\n\n' +
      'Några företag har anmält att de önskar större samverkan med polisen och kommunen.\n\n' +
      '130 företag har svarat i FNS-kommunerna varav 46 i Norberg.',
  },
  school: {
    narrative:
      'Skolchefen har inte hört något ytterligare angående kamerabevakning. Före Jul skedde en allvarlig ' +
      'misshandel på skolan. Ärendet är polisanmält.',
  },
  nvk: {
    narrative:
      'Lugnt just nu. NVK har bara fått mindre saker till sig, inget allvarligt har inkommit. Enstaka mindre ' +
      'skadegörelse på skolan och Unkan.',
  },
  cultureLeisure: { attendance: 'not_attending' },
};

function demoCaller(reporter: DemoReporter, roles: Role[]): SignedInCaller {
  const actor = { userId: reporter.userId, organisationId: reporter.organisationId, roles };
  return {
    actor: { ...actor, username: reporter.userId, displayName: reporter.userId },
    ability: defineAbilityFor(actor),
    context: {
      actorId: reporter.userId,
      organisationId: reporter.organisationId,
      correlationId: randomUUID(),
    },
  };
}

/**
 * Demo mode (`LAGET_DEMO=1`): files the seed's week as it stands, each report by its
 * organisation's demo reporter, so the events say who filed what. Safe to call at every start:
 * a report that already exists is left as it is. The seed's week lies further back than a
 * reporter may open (LAGET_REPORTING_WEEKS_BACK), so the demo coordinator opens the reports,
 * as the coordinator would for an old week, and each reporter fills in and submits its own.
 */
export async function fileDemoWeek(
  buses: { commandBus: CommandBus; queryBus: QueryBus },
  reporters: DemoReporters,
): Promise<void> {
  const { commandBus, queryBus } = buses;
  let arenaId: string | null = null;
  const coordinator = reporters.coordinator ? demoCaller(reporters.coordinator, ['coordinator']) : null;
  if (coordinator) {
    const places = await queryBus.execute(new ListPlacesQuery(true));
    arenaId = places.find((place) => place.name === 'Frida Hansdotter Arena')?.id ?? null;
    if (!arenaId) {
      arenaId = (
        await commandBus.execute(
          new RegisterPlaceCommand(coordinator, { name: 'Frida Hansdotter Arena', kind: 'sports_facility' }),
        )
      ).id;
    }
    if (!places.some((place) => place.name === 'Unkan')) {
      await commandBus.execute(
        new RegisterPlaceCommand(coordinator, { name: 'Unkan', kind: 'youth_centre' }),
      );
    }
  }

  for (const key of Object.keys(narratives) as (keyof typeof narratives)[]) {
    const caller = demoCaller(reporters[key], ['reporter']);
    let report;
    try {
      report = await commandBus.execute(
        new OpenReportCommand(coordinator ?? caller, {
          period: DEMO_PERIOD,
          organisationId: caller.actor.organisationId!,
        }),
      );
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'conflict') continue; // filed at an earlier start
      throw error;
    }
    if (key === 'nvk') {
      await commandBus.execute(
        new AddIncidentCommand(caller, report.id, {
          problem: 'Skadegörelse på handfat på Frida Hansdotter Arena',
          category: 'skadegorelse',
          location: 'Inne på toaletten',
          placeId: arenaId,
          occurredAt: '250107',
          frequency: '',
          // The seed marks "E A" and gives no grade; 2 (lindrigt) is our reading of "söndersparkat vattenlås".
          assessment: { severity: 2, scope: 'EA' },
          comment: 'Söndersparkat vattenlås.',
        }),
      );
    }
    await commandBus.execute(new EditReportCommand(caller, report.id, narratives[key]));
    await commandBus.execute(new SubmitReportCommand(caller, report.id));
  }
}
