// SPDX-License-Identifier: MPL-2.0
import { render, screen } from '@testing-library/react';
import { RefusalError } from '../api/refusal';
import { Refusal } from './Refusal';

describe('a refusal on screen', () => {
  it('is the rule’s sentence and what to do next, not the server’s text', () => {
    render(<Refusal error={new RefusalError(422, [{ code: 'CON-10', severity: 'error', message: '{"internal":"x"}' }])} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The patient has said they do not want to be recorded.');
    expect(alert).toHaveTextContent('Do not record. The objection stays until the patient lifts it. (CON-10)');
    expect(alert).not.toHaveTextContent('internal');
  });
});
