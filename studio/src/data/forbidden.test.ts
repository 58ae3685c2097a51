import { forbiddenText } from './forbidden.js';

describe('FORBIDDEN answers in words', () => {
  it('says what the person tried and the server’s reason', () => {
    expect(forbiddenText({ message: 'Your roles do not let you update this record.' }, 'update', 'Opportunity')).toBe(
      'You may not change this opportunity: Your roles do not let you update this record. Ask an administrator if you need to.',
    );
    expect(forbiddenText({ message: '' }, 'create', 'Opportunity')).toBe('You may not create an opportunity. Ask an administrator if you need to.');
  });
});
