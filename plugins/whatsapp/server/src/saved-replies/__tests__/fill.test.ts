import { fillSavedReply, isKnownPlaceholder, unknownPlaceholders } from '../../../../shared/saved-replies';

const asha = { name: 'Asha Rao', phone: '+919812345678', email: 'asha@example.com', attributes: { city: 'Pune', years: 4, nested: { a: 1 } } };

describe('fillSavedReply', () => {
  it('fills candidate fields and attributes, with spaces inside the braces', () => {
    expect(fillSavedReply('Hi {{candidate.firstName}} ({{ candidate.name }}), {{candidate.attributes.city}} / {{candidate.attributes.years}}y', asha)).toEqual({
      text: 'Hi Asha (Asha Rao), Pune / 4y',
      missing: [],
    });
    expect(fillSavedReply('{{candidate.phone}} {{candidate.email}}', asha).text).toBe('+919812345678 asha@example.com');
  });

  it('empties and names the placeholders the candidate has no value for', () => {
    expect(fillSavedReply('Hi {{candidate.name}} from {{candidate.attributes.city}}', { phone: '+1', name: null })).toEqual({
      text: 'Hi  from ',
      missing: ['candidate.name', 'candidate.attributes.city'],
    });
    // An object attribute is not a text to insert.
    expect(fillSavedReply('{{candidate.attributes.nested}}', asha).missing).toEqual(['candidate.attributes.nested']);
    expect(fillSavedReply('{{candidate.name}}', null)).toEqual({ text: '', missing: ['candidate.name'] });
  });

  it('leaves unknown placeholders as written, and lists them', () => {
    const text = 'Hello {{candidate.nmae}} {{1}} {{candidate.attributes}}';
    expect(fillSavedReply(text, asha).text).toBe(text);
    expect(unknownPlaceholders(text)).toEqual(['candidate.nmae', '1', 'candidate.attributes']);
    expect(unknownPlaceholders('{{candidate.name}} {{candidate.attributes.x}}')).toEqual([]);
    expect(isKnownPlaceholder('candidate.name.first')).toBe(false);
  });
});
