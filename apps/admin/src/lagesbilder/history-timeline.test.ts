import { describe, expect, it } from 'vitest';
import { historyTimeline, type Namer } from './history-timeline.js';
import type { HistoryEntry } from '@laget/contracts';

const names: Namer = {
  section: (id) => ({ other: 'Övrigt', incidents: 'Händelser' })[id] ?? id,
  organisation: (id) => ({ 'o-school': 'Skolan', 'o-police': 'Polisen' })[id] ?? id,
  role: (role) => ({ est_member: 'EST-gruppen' })[role] ?? role,
  suggestionKind: (kind) => ({ name: 'Namn' })[kind] ?? kind,
};

let position = 0;
const event = (type: string, details: Record<string, unknown>): HistoryEntry => ({
  position: ++position,
  at: `2024-12-02T08:${String(position).padStart(2, '0')}:00Z`,
  actorId: 'u-stina',
  organisationId: 'o-office',
  type,
  details,
});

describe('the history of a lägesbild, as people read it', () => {
  it('puts the newest first and says what each event did', () => {
    const lines = historyTimeline(
      [
        event('LagesbildCompiled', { takenVersions: [{}, {}] }),
        event('SectionEdited', { sectionId: 'other' }),
        event('LagesbildApproved', { revision: 3, contentHash: 'x' }),
      ],
      names,
    );
    expect(lines.map((l) => [l.message, l.args])).toEqual([
      ['approved', { revision: 3 }],
      ['section_edited', { section: 'Övrigt' }],
      ['compiled', { smart_count: 2 }],
    ]);
  });

  it('says a compile was early and whom it left out', () => {
    const [line] = historyTimeline(
      [
        event('LagesbildCompiled', {
          takenVersions: [{}],
          early: {
            deadline: '2024-12-02T09:00:00+01:00',
            missingOrganisations: [
              { id: 'o1', name: 'Polisen' },
              { id: 'o2', name: 'Socialtjänsten' },
            ],
            confirmedBy: 'u1',
          },
        }),
      ],
      names,
    );
    expect(line?.notes).toEqual([{ label: 'compiled_early', value: 'Polisen, Socialtjänsten' }]);
    expect(historyTimeline([event('LagesbildCompiled', { takenVersions: [{}] })], names)[0]?.notes).toEqual(
      [],
    );
  });

  it('shows a mask with its legal ground and reason, and its span before and after re-confirming', () => {
    const lines = historyTimeline(
      [
        event('RedactionApplied', {
          redactionId: 'r1',
          kind: 'mask',
          sectionId: 'other',
          path: '/text',
          start: 0,
          end: 13,
          legalGround: 'OSL 26 kap. 1 §',
          reason: 'Uppgift om enskild',
        }),
        event('SectionEdited', { sectionId: 'other' }),
        event('RedactionReconfirmed', { redactionId: 'r1', start: 6, end: 19 }),
        event('RedactionLifted', { redactionId: 'r1', reason: 'Inte längre känsligt' }),
      ],
      names,
    );
    const [lifted, reconfirmed, , masked] = lines;
    expect(masked).toMatchObject({
      message: 'masked',
      args: { section: 'Övrigt' },
      notes: [
        { label: 'legal_ground', value: 'OSL 26 kap. 1 §' },
        { label: 'reason', value: 'Uppgift om enskild' },
      ],
    });
    expect(reconfirmed).toMatchObject({
      message: 'reconfirmed',
      changes: [{ label: 'span', before: '0–13', after: '6–19' }],
    });
    expect(lifted).toMatchObject({
      message: 'lifted',
      args: { section: 'Övrigt' },
      notes: [
        { label: 'legal_ground', value: 'OSL 26 kap. 1 §' },
        { label: 'reason', value: 'Inte längre känsligt' },
      ],
    });
  });

  it('compares a redefined target group with its previous definition, field by field', () => {
    const lines = historyTimeline(
      [
        event('AudienceDefined', {
          name: 'skolan',
          organisationIds: ['o-school'],
          roles: [],
          sectionIds: ['incidents'],
        }),
        event('AudienceDefined', {
          name: 'skolan',
          organisationIds: ['o-school', 'o-police'],
          roles: [],
          sectionIds: ['incidents'],
        }),
      ],
      names,
    );
    expect(lines[0]).toMatchObject({
      message: 'audience_changed',
      changes: [{ label: 'organisations', before: 'Skolan', after: 'Skolan, Polisen' }],
    });
    expect(lines[1]).toMatchObject({
      message: 'audience_created',
      changes: [
        { label: 'organisations', before: '–', after: 'Skolan' },
        { label: 'sections', before: '–', after: 'Händelser' },
      ],
    });
  });

  it('tells a correction and a retraction by what they carry', () => {
    const [retracted, corrected, first] = historyTimeline(
      [
        event('PublicationRequested', { publicationNumber: 1, revision: 3, correction: null }),
        event('PublicationRequested', {
          publicationNumber: 2,
          revision: 5,
          correction: { what: 'Slutsatserna', why: 'Fel datum' },
        }),
        event('PublicationRetracted', { publicationNumber: 2, reason: 'Felaktig uppgift' }),
      ],
      names,
    );
    expect(first).toMatchObject({ message: 'publication_requested', args: { number: 1 } });
    expect(corrected).toMatchObject({
      message: 'correction_requested',
      notes: [
        { label: 'correction_what', value: 'Slutsatserna' },
        { label: 'correction_why', value: 'Fel datum' },
      ],
    });
    expect(retracted).toMatchObject({
      message: 'retracted',
      notes: [{ label: 'reason', value: 'Felaktig uppgift' }],
    });
  });

  it('marks reads of internal versions so they can be folded away', () => {
    const lines = historyTimeline(
      [
        event('LagesbildViewRead', { view: 'internal', revision: 2 }),
        event('LagesbildViewRead', { view: 'audience:skolan', revision: 2 }),
        event('SomethingNew', {}),
      ],
      names,
    );
    expect(lines.map((l) => [l.message, l.read])).toEqual([
      ['unknown', false],
      ['read_audience', true],
      ['read_internal', true],
    ]);
    expect(lines[1]!.args).toEqual({ name: 'skolan' });
  });
});
