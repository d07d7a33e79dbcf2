import { extrasFromTypes, typesForDraft } from '../draft-extras';

describe("a draft's media and quick replies", () => {
  it('round-trips through Twilio-shaped types', () => {
    const quick = typesForDraft('Hi {{1}}', { quickReplies: [{ title: 'Yes' }, { title: 'No', id: 'no' }] });
    expect(quick).toEqual({
      'twilio/quick-reply': { body: 'Hi {{1}}', actions: [{ title: 'Yes', id: 'Yes' }, { title: 'No', id: 'no' }] },
      'twilio/text': { body: 'Hi {{1}}' },
    });
    expect(extrasFromTypes(quick)).toEqual({ quickReplies: [{ title: 'Yes', id: 'Yes' }, { title: 'No', id: 'no' }] });

    const media = typesForDraft('Poster', { media: ['https://example.com/a.png'] });
    expect(extrasFromTypes(media)).toEqual({ media: ['https://example.com/a.png'] });
  });

  it('keeps plain text as no types, and reads nothing from junk', () => {
    expect(typesForDraft('Hi', {})).toBeNull();
    expect(extrasFromTypes(null)).toEqual({});
    expect(extrasFromTypes({ 'twilio/text': { body: 'Hi' } })).toEqual({});
    expect(extrasFromTypes({ 'twilio/quick-reply': { actions: 'nope' } })).toEqual({});
    expect(extrasFromTypes([1, 2])).toEqual({});
  });
});
