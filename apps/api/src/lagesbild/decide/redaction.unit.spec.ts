import { sha256 } from '../content-hash.js';
import { scenario } from '../fixtures/lagesbild-scenario.js';
import { school } from '../fixtures/reports.fixture.js';
import {
  coordinator,
  dismissAll,
  compile,
  mask,
  exclude,
  edit,
  approve,
} from '../fixtures/decider-commands.js';
import type { LagesbildCommand } from '../lagesbild.decider.js';

describe('Lagesbild decider', () => {
  describe('redactions', () => {
    it('records a mask with its legal ground, reason and the hash of the text it was chosen on', () => {
      const { given, history } = scenario();
      const week = given(...history(compile));
      const text = week.state.sections.find((s) => s.id === 'org-polisen')?.text as string;
      const start = text.indexOf('Kalle');
      week.when(mask('org-polisen', '/text', start, start + 'Kalle Andersson'.length)).then([
        {
          type: 'RedactionApplied',
          data: {
            path: '/text',
            by: coordinator,
            redaction: {
              id: 'red-1',
              kind: 'mask',
              target: { kind: 'field', sectionId: 'org-polisen', itemId: null, field: 'text' },
              start,
              end: start + 15,
              anchorHash: sha256(text),
              legalGround: 'OSL 26 kap. 1 §',
              reason: 'Uppgift om enskild person',
              appliedBy: coordinator,
            },
          },
        },
      ]);
    });

    it('anchors a mask in an item to the item id, not its index', () => {
      const { given, history } = scenario();
      const [event] = given(...history(compile))
        .when(mask('incidents', '/items/0/comment', 0, 6))
        .events();
      expect(event?.type === 'RedactionApplied' && event.data.redaction.target).toEqual({
        kind: 'field',
        sectionId: 'incidents',
        itemId: 'inc-2',
        field: 'comment',
      });
    });

    it('records an accepted suggestion next to the redaction', () => {
      const { given, history } = scenario();
      const events = given(...history(compile))
        .when(mask('org-polisen', '/text', 35, 48, { suggestionKind: 'personnummer' }))
        .events();
      expect(events.map((e) => e.type)).toEqual(['SuggestionAccepted', 'RedactionApplied']);
    });

    it('refuses what a registrar could not defend or the text does not hold', () => {
      const { given, history } = scenario();
      const week = given(...history(compile));
      week
        .when(mask('org-polisen', '/text', 0, 4, { legalGround: 'Tycke' }))
        .thenRefuses('invalid', /legal grounds/);
      week.when(mask('org-polisen', '/text', 0, 4, { reason: ' ' })).thenRefuses('invalid', /reason/);
      week.when(mask('org-polisen', '/text', 5, 5000)).thenRefuses('invalid', /not within the text/);
      week.when(mask('org-polisen', '/nope', 0, 1)).thenRefuses('invalid');
      week.when(mask('org-polisen', 'text', 0, 1)).thenRefuses('invalid', /JSON Pointer/);
      week.when(mask('incidents', '/items/0', 0, 1)).thenRefuses('invalid', /exclude/);
      week.when(mask('incidents', '/items/0/id', 0, 1)).thenRefuses('invalid', /not a text field/);
      week.when(mask('incidents', '/items/9/comment', 0, 1)).thenRefuses('invalid', /no item/);
      week.when(exclude('org-polisen', '/text')).thenRefuses('invalid', /whole item/);
      week.when(mask('nope', '/text', 0, 1)).thenRefuses('invalid', /Unknown section/);
    });

    it('leaves out an item or a section, once', () => {
      const { given, history } = scenario();
      const [event] = given(...history(compile))
        .when(exclude('incidents', '/items/0'))
        .events();
      expect(event?.type === 'RedactionApplied' && event.data.redaction.target).toEqual({
        kind: 'item',
        sectionId: 'incidents',
        itemId: 'inc-2',
      });
      given(...history(compile, exclude('incidents', '/items/0')))
        .when(exclude('incidents', '/items/0', 'red-y'))
        .thenRefuses('conflict');
      const [sectionEvent] = given(...history(compile))
        .when(exclude('org-skolan', ''))
        .events();
      expect(sectionEvent?.type === 'RedactionApplied' && sectionEvent.data.redaction.target).toEqual({
        kind: 'section',
        sectionId: 'org-skolan',
      });
    });

    it('lifts a redaction with a reason, and only an existing one', () => {
      const { given, history } = scenario();
      const week = given(...history(compile, exclude('org-skolan', '')));
      week
        .when({
          type: 'LiftRedaction',
          data: { redactionId: 'red-x', reason: 'Uppgiften är offentlig', actorId: coordinator },
        })
        .then([
          {
            type: 'RedactionLifted',
            data: { redactionId: 'red-x', reason: 'Uppgiften är offentlig', by: coordinator },
          },
        ]);
      week
        .when({ type: 'LiftRedaction', data: { redactionId: 'red-x', reason: '', actorId: coordinator } })
        .thenRefuses('invalid');
      week
        .when({ type: 'LiftRedaction', data: { redactionId: 'nope', reason: 'x', actorId: coordinator } })
        .thenRefuses('not_found');
    });

    it('records a dismissed suggestion with the text it was made on', () => {
      const { given, history } = scenario();
      const week = given(...history(compile));
      const [event] = week
        .when({
          type: 'DismissSuggestion',
          data: {
            sectionId: 'incidents',
            path: '/items/2/problem',
            start: 29,
            end: 45,
            kind: 'name',
            reason: 'En arena',
            actorId: coordinator,
          },
        })
        .events();
      expect(event).toMatchObject({
        type: 'SuggestionDismissed',
        data: { sectionId: 'incidents', itemId: 'inc-1', field: 'problem', kind: 'name', reason: 'En arena' },
      });
    });
  });

  describe('stale redactions', () => {
    const conclusions = 'Kontakta Stefan Sandström vid problem.';
    const setup = [compile, edit('conclusions', conclusions), mask('conclusions', '/text', 9, 25)];

    it('given a mask, when the text under it is edited, then approval is refused until re-confirmed', () => {
      const { given, history } = scenario();
      const edited = [...setup, edit('conclusions', `Ring eller ${conclusions}`)];
      const error = given(...history(...edited))
        .when(approve())
        .thenRefuses('rule', /re-confirm/);
      expect(error.details).toEqual({ staleRedactionIds: ['red-1'] });

      const reconfirm: LagesbildCommand = {
        type: 'ReconfirmRedaction',
        data: { redactionId: 'red-1', start: 20, end: 36, actorId: coordinator },
      };
      const [approved] = given(...history(...edited, reconfirm, dismissAll))
        .when(approve())
        .events();
      expect(approved?.type).toBe('LagesbildApproved');
    });

    it('given a mask on an incident, when an amended report changes that incident, then the mask is stale', () => {
      const { given, history } = scenario();
      const amended = {
        ...school,
        reportVersion: 6,
        incidents: school.incidents.map((incident) =>
          incident.id === 'inc-2' ? { ...incident, comment: `Anmäld: ${incident.comment}` } : incident,
        ),
      };
      given(
        ...history(compile, mask('incidents', '/items/0/comment', 15, 23), {
          type: 'TakeInReport',
          data: { report: amended, reason: 'Rättelse', actorId: coordinator },
        }),
      )
        .when(approve())
        .thenRefuses('rule', /re-confirm/);
    });

    it('refuses to re-confirm a mask whose item is gone', () => {
      const { given, history } = scenario();
      const amended = { ...school, reportVersion: 6, incidents: [] };
      given(
        ...history(compile, mask('incidents', '/items/0/comment', 0, 5), {
          type: 'TakeInReport',
          data: { report: amended, reason: 'Händelsen återtagen', actorId: coordinator },
        }),
      )
        .when({
          type: 'ReconfirmRedaction',
          data: { redactionId: 'red-1', start: 0, end: 5, actorId: coordinator },
        })
        .thenRefuses('rule', /lift/);
    });
  });
});
