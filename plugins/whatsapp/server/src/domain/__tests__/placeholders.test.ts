import { extractPlaceholders, renderTemplate, TEMPLATE_BODY_MAX, validateTemplateBody } from '../placeholders';

describe('template placeholders', () => {
  it('extracts distinct numbers in order, spaces allowed', () => {
    expect(extractPlaceholders('{{2}} {{ 1 }} {{2}}')).toEqual([1, 2]);
    expect(extractPlaceholders('no placeholders')).toEqual([]);
  });

  it('accepts {{1}}…{{n}} with samples', () => {
    expect(validateTemplateBody('Hi {{1}}, see you on {{2}}', { '1': 'a', '2': 'b' })).toEqual([]);
  });

  it('reports gaps, a wrong start, named placeholders, length and missing samples', () => {
    const messages = (body: string, samples?: Record<string, string>) => validateTemplateBody(body, samples).map((i) => i.message);
    expect(messages('{{1}} {{3}}', { '1': 'a', '3': 'c' })).toEqual([expect.stringContaining('without gaps')]);
    expect(messages('{{2}}', { '2': 'b' })).toEqual([expect.stringContaining('expected {{1}}')]);
    expect(messages('{{name}}')).toEqual([expect.stringContaining('numbered placeholders')]);
    expect(messages('x'.repeat(TEMPLATE_BODY_MAX + 1))).toEqual([expect.stringContaining(String(TEMPLATE_BODY_MAX))]);
    expect(validateTemplateBody('{{1}} {{2}}', { '1': 'a' })).toEqual([{ path: ['variables', '2'], message: expect.stringContaining('{{2}}') }]);
  });

  it('renders values and reports the placeholders left empty', () => {
    expect(renderTemplate('Hi {{1}}, {{2}}!', { '1': 'Asha' })).toEqual({ text: 'Hi Asha, !', missing: [2] });
  });
});
