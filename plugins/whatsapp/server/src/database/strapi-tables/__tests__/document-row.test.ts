import { newDocumentId } from '../document-row';

describe('newDocumentId', () => {
  it('has the shape of a Strapi documentId (cuid2): 24 characters, a letter first, then letters and digits', () => {
    for (let i = 0; i < 1000; i += 1) expect(newDocumentId()).toMatch(/^[a-z][a-z0-9]{23}$/);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => newDocumentId()));
    expect(ids.size).toBe(20_000);
  });
});
