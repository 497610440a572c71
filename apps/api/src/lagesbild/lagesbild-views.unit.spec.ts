import { MASK_MARKER } from '@laget/contracts';
import { DomainError } from '../platform/domain/domain-error.js';
import { background, school, weekReports } from './fixtures/reports.fixture.js';
import { type LagesbildCommand, type LagesbildState, lagesbildDecider } from './lagesbild.decider.js';
import {
  audienceDocument,
  draftDocument,
  internalDocument,
  openContentHash,
  openDocument,
  redactionOverview,
} from './lagesbild-views.js';

const decider = lagesbildDecider();
const actorId = 'user-coordinator';

function run(...commands: LagesbildCommand[]): LagesbildState {
  return commands.reduce(
    (state, command) => decider.decide(command, state).reduce(decider.evolve, state),
    decider.initialState(),
  );
}

const compile: LagesbildCommand = {
  type: 'CompileLagesbild',
  data: { period: '2024-W48', background, reports: weekReports, actorId },
};

function maskText(
  sectionId: string,
  path: string,
  state: LagesbildState,
  secret: string,
  id: string,
): LagesbildCommand {
  const section = state.sections.find((s) => s.id === sectionId);
  const value =
    path === '/text'
      ? (section?.text as string)
      : (((section?.items?.[Number(path.split('/')[2])] as unknown as Record<string, string>) ?? {})[
          path.split('/')[3] as string
        ] as string);
  const start = value.indexOf(secret);
  if (start < 0) throw new Error(`${secret} not in ${sectionId}${path}`);
  return {
    type: 'ApplyRedaction',
    data: {
      redactionId: id,
      sectionId,
      path,
      target: { kind: 'mask', start, end: start + secret.length },
      legalGround: 'OSL 26 kap. 1 §',
      reason: 'Uppgift om enskild',
      actorId,
    },
  };
}

function exclude(sectionId: string, path: string, id: string): LagesbildCommand {
  return {
    type: 'ApplyRedaction',
    data: {
      redactionId: id,
      sectionId,
      path,
      target: { kind: 'exclude' },
      legalGround: 'GDPR art. 10',
      reason: 'x',
      actorId,
    },
  };
}

/** The compiled fixture week, with its personal data masked or left out. */
function redactedWeek(): LagesbildState {
  const compiled = run(compile);
  const commands = [
    maskText('org-polisen', '/text', compiled, 'Kalle Andersson', 'r1'),
    maskText('org-polisen', '/text', compiled, '19811218-9876', 'r2'),
    maskText('org-polisen', '/text', compiled, 'Storgatan 14B', 'r3'),
    maskText('incidents', '/items/0/problem', compiled, '070-174 06 05', 'r4'),
    exclude('incidents', '/items/1', 'r5'),
    maskText('incidents', '/items/0/comment', compiled, 'Åsa Öberg', 'r6'),
    maskText('police-statistics', '/items/1/note', compiled, 'Klarna', 'r7'),
    exclude('org-skolan', '', 'r8'),
  ];
  return run(compile, ...commands);
}

describe('lägesbild views', () => {
  it('the internal view holds everything, as a copy', () => {
    const state = redactedWeek();
    const internal = internalDocument(state, 10);
    expect(internal).toMatchObject({
      id: '2024-W48',
      period: '2024-W48',
      status: 'compiled',
      view: 'internal',
      version: 10,
    });
    expect(JSON.stringify(internal)).toContain('Kalle Andersson');
    (internal.sections[0] as { text: string }).text = 'changed';
    expect(state.sections[0]?.text).toBe(background);
  });

  it('the open view masks spans, leaves excluded items and sections out, and holds no redacted text', () => {
    const state = redactedWeek();
    const open = openDocument(state, 10);
    expect(open.view).toBe('open');
    const police = open.sections.find((s) => s.id === 'org-polisen');
    expect(police?.text).toBe(`Lugn vecka. ${MASK_MARKER} (${MASK_MARKER}) greps på ${MASK_MARKER}.`);
    const incidents = open.sections.find((s) => s.id === 'incidents');
    expect(incidents?.items?.map((item) => item.id)).toEqual(['inc-2', 'inc-1']);
    expect(incidents?.items?.[0]).toMatchObject({
      problem: `Hot mot elev i klass 8B, ring ${MASK_MARKER}`,
      comment: `Anmäld person ${MASK_MARKER}.`,
      assessment: { severity: 4, scope: 'E' },
    });
    expect(open.sections.some((s) => s.id === 'org-skolan')).toBe(false);
    const json = JSON.stringify(open);
    for (const secret of [
      'Kalle',
      'Andersson',
      '19811218',
      'Storgatan',
      '070-174',
      'Öberg',
      'Klarna',
      'inc-3',
      'Idrottshallen',
      'misshandel',
      'org-skolan',
    ]) {
      expect(json).not.toContain(secret);
    }
  });

  it('a stale mask hides its whole field until re-confirmed', () => {
    const state = run(
      compile,
      { type: 'EditSection', data: { sectionId: 'conclusions', text: 'Ring Stefan Sandström.', actorId } },
      {
        type: 'ApplyRedaction',
        data: {
          redactionId: 'r1',
          sectionId: 'conclusions',
          path: '/text',
          target: { kind: 'mask', start: 5, end: 21 },
          legalGround: 'OSL 26 kap. 1 §',
          reason: 'x',
          actorId,
        },
      },
      {
        type: 'EditSection',
        data: { sectionId: 'conclusions', text: 'Ring gärna Stefan Sandström.', actorId },
      },
    );
    expect(openDocument(state, 4).sections.find((s) => s.id === 'conclusions')?.text).toBe(MASK_MARKER);
    expect(redactionOverview(state)).toEqual([
      expect.objectContaining({ id: 'r1', stale: true, path: '/text', start: 5, end: 21 }),
    ]);
  });

  it('the redaction list follows an item to its new place after a recompile', () => {
    const compiled = run(compile);
    const withIncidentFirst = {
      ...school,
      reportVersion: 6,
      incidents: [{ ...school.incidents[1]!, id: 'inc-new' }, ...school.incidents],
    };
    const state = run(compile, maskText('incidents', '/items/0/comment', compiled, 'Åsa Öberg', 'r1'), {
      type: 'TakeInReport',
      data: { report: withIncidentFirst, reason: 'Ny händelse', actorId },
    });
    expect(redactionOverview(state)).toEqual([
      expect.objectContaining({ id: 'r1', path: '/items/1/comment', stale: false, text: 'Åsa Öberg' }),
    ]);
    expect(JSON.stringify(openDocument(state, 3))).not.toContain('Öberg');
  });

  it('an audience sees its chosen sections and incidents only', () => {
    const state = run(compile, {
      type: 'DefineAudience',
      data: {
        audience: {
          name: 'skolan',
          title: 'Skolan',
          organisationIds: ['skolan'],
          roles: [],
          sectionIds: ['incidents', 'org-skolan'],
          incidentIds: ['inc-2'],
        },
        actorId,
      },
    });
    const view = audienceDocument(state, 'skolan', 2);
    expect(view.view).toBe('audience:skolan');
    expect(view.sections.map((s) => s.id)).toEqual(['incidents', 'org-skolan']);
    expect(view.sections[0]?.items?.map((i) => i.id)).toEqual(['inc-2']);
    expect(() => audienceDocument(state, 'annan', 2)).toThrow(DomainError);
  });

  it('the content hash depends on the open content only', () => {
    const a = redactedWeek();
    const b = run(compile, {
      type: 'DefineAudience',
      data: {
        audience: {
          name: 'x',
          title: 'X',
          organisationIds: ['skolan'],
          roles: [],
          sectionIds: ['incidents'],
          incidentIds: null,
        },
        actorId,
      },
    });
    expect(openContentHash(b)).toBe(openContentHash(run(compile)));
    expect(openContentHash(a)).not.toBe(openContentHash(run(compile)));
    expect(openContentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the draft view shows the week as it would be compiled now', () => {
    const draft = draftDocument('2024-W48', [school], background);
    expect(draft).toMatchObject({ status: 'draft', view: 'draft', revision: 0 });
    expect(draft.sections.map((s) => s.id)).toEqual([
      'background',
      'incidents',
      'police-statistics',
      'coordinator-report',
      'org-skolan',
      'other',
      'conclusions',
    ]);
  });

  it('views of a week that is not compiled are not found', () => {
    expect(() => openDocument(decider.initialState(), 0)).toThrow(DomainError);
  });
});
