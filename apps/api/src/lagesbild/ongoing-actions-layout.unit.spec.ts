import fc from 'fast-check';
import type { OngoingActionSnapshot } from '@laget/contracts';
import { evolveLagesbild } from './lagesbild-evolve.js';
import { initialLagesbildState } from './lagesbild-state.js';
import { internalDocument, openSections } from './lagesbild-views.js';
import { actionSectionId, ONGOING_ACTIONS_SECTION_ID } from './ongoing-actions-layout.js';

const action = (index: number, isPublic: boolean): OngoingActionSnapshot => ({
  actionId: `a${index}`,
  problemTitle: 'Skadegörelse vid Åsens torg',
  title: `Åtgärd ${index}`,
  ownerOrganisationName: 'NVK',
  status: 'ongoing',
  startsOn: '2026-03-02',
  dueOn: '2026-03-15',
  public: isPublic,
  latestFollowUp:
    index % 2 === 0 ? { on: '2026-03-10', effect: 'better', text: `Uppföljning ${index}` } : null,
});

function compiledWith(actions: OngoingActionSnapshot[]) {
  return evolveLagesbild(initialLagesbildState(), {
    type: 'LagesbildCompiled',
    data: { period: '2026-W11', background: 'Bakgrund', reports: [], takenVersions: [], by: 'u-bf', actions },
  });
}

describe('"Pågående åtgärder" in a compiled week', () => {
  it('the internal version lists every action with its latest follow-up', () => {
    const state = compiledWith([action(0, false), action(1, true)]);
    const sections = internalDocument(state, 1).sections;
    const ids = sections.map((section) => section.id);
    expect(ids).toEqual(expect.arrayContaining([ONGOING_ACTIONS_SECTION_ID, 'action-a0', 'action-a1']));
    expect(sections.find((section) => section.id === 'action-a0')?.text).toContain(
      'Senaste uppföljning 2026-03-10 (bättre): Uppföljning 0',
    );
  });

  it('no action that is not public ever reaches the open version (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 12 }), (flags) => {
        const actions = flags.map((isPublic, index) => action(index, isPublic));
        const open = openSections(compiledWith(actions));
        const ids = new Set(open.map((section) => section.id));
        for (const snapshot of actions) {
          expect(ids.has(actionSectionId(snapshot.actionId))).toBe(snapshot.public);
          if (!snapshot.public) expect(JSON.stringify(open)).not.toContain(snapshot.title + '"');
        }
        expect(ids.has(ONGOING_ACTIONS_SECTION_ID)).toBe(actions.some((snapshot) => snapshot.public));
      }),
    );
  });

  it('a week compiled without actions has no such section', () => {
    const ids = internalDocument(compiledWith([]), 1).sections.map((section) => section.id);
    expect(ids).not.toContain(ONGOING_ACTIONS_SECTION_ID);
  });
});
