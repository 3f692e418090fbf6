// SPDX-License-Identifier: MPL-2.0
import { issuesOf } from './refusal';

describe('refusals are read from both APIs', () => {
  it('reads the rule code of a FHIR OperationOutcome from details.coding', () => {
    const issues = issuesOf(422, {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'business-rule',
          details: {
            coding: [{ system: 'https://fhir.openmrs.org/patientrecordings/CodeSystem/error-code', code: 'CON-10' }],
            text: 'The patient objects to being recorded',
          },
          expression: ['subject'],
        },
      ],
    });
    expect(issues).toEqual([{ code: 'CON-10', severity: 'error', message: 'The patient objects to being recorded', path: 'subject' }]);
  });

  it('reads the administration API’s issues', () => {
    expect(issuesOf(412, { issues: [{ code: 'VER-1', severity: 'error', message: 'changed', path: 'policy' }] })).toEqual([
      { code: 'VER-1', severity: 'error', message: 'changed', path: 'policy' },
    ]);
  });

  it('names SAF-3 for a bare 401 or 403', () => {
    expect(issuesOf(401, 'nope')[0].code).toBe('SAF-3');
  });
});
