import { cleanVariables, renderForCandidate, resolveVariable, resolveVariables, type VariableMapping } from '../../../../shared/variable-mapping';

const candidate = { name: 'Asha Rao', phone: '+919876543210', email: null, attributes: { college: 'IIT Madras', batch: 2024, remote: false, blank: '  ', nested: { a: 1 } } };

describe('variable mapping', () => {
  it('reads a field, an attribute or a fixed text', () => {
    expect(resolveVariable({ source: 'field', field: 'name' }, candidate)).toBe('Asha Rao');
    expect(resolveVariable({ source: 'attribute', key: 'college' }, candidate)).toBe('IIT Madras');
    expect(resolveVariable({ source: 'text', value: 'Placement cell' }, candidate)).toBe('Placement cell');
  });

  it('writes numbers and booleans as text', () => {
    expect(resolveVariable({ source: 'attribute', key: 'batch' }, candidate)).toBe('2024');
    expect(resolveVariable({ source: 'attribute', key: 'remote' }, candidate)).toBe('false');
  });

  it('leaves out what is empty, blank, absent or not text', () => {
    const mapping: VariableMapping = {
      '1': { source: 'field', field: 'email' },
      '2': { source: 'attribute', key: 'blank' },
      '3': { source: 'attribute', key: 'missing' },
      '4': { source: 'attribute', key: 'nested' },
      '5': { source: 'text', value: '' },
      '6': { source: 'field', field: 'phone' },
    };
    expect(resolveVariables(mapping, candidate)).toEqual({ '6': '+919876543210' });
    expect(resolveVariables(mapping, null)).toEqual({});
    expect(resolveVariable({ source: 'attribute', key: 'college' }, { attributes: ['not', 'an', 'object'] })).toBeUndefined();
  });

  it('renders a body for a candidate and reports the placeholders left empty', () => {
    const mapping: VariableMapping = {
      '1': { source: 'field', field: 'name' },
      '2': { source: 'attribute', key: 'interviewDate' },
      '3': { source: 'text', value: 'Room 4' },
    };
    expect(renderForCandidate('Hi {{1}}, interview on {{2}} in {{3}}.', mapping, candidate)).toEqual({
      text: 'Hi Asha Rao, interview on  in Room 4.',
      missing: [2],
      variables: { '1': 'Asha Rao', '3': 'Room 4' },
    });
  });

  it('lets given values win over the mapping, ignores blank ones, and keeps only the placeholders used', () => {
    const mapping: VariableMapping = { '1': { source: 'field', field: 'name' }, '9': { source: 'text', value: 'unused' } };
    expect(renderForCandidate('Hi {{1}} {{2}}', mapping, candidate, { '1': 'Dr. Rao', '2': '   ' })).toEqual({
      text: 'Hi Dr. Rao ',
      missing: [2],
      variables: { '1': 'Dr. Rao' },
    });
    expect(cleanVariables({ '1': 'a', '2': '', '3': ' ' })).toEqual({ '1': 'a' });
  });
});
