import { contentApi, expectStrapiError } from '../helpers/api';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';

const createTemplate = async (body: string, variables: Record<string, string>) => {
  const response = await contentApi()
    .post('/api/whatsapp/templates')
    .send({ data: { name: uniqueName('preview').toLowerCase(), body, variables } })
    .expect(201);
  return response.body.data.documentId as string;
};

const preview = (documentId: string, data?: Record<string, unknown>) => {
  const call = contentApi().post(`/api/whatsapp/templates/${documentId}/preview`);
  return data === undefined ? call : call.send({ data });
};

describe('POST /templates/:id/preview', () => {
  let templateId: string;
  let candidateId: string;
  let candidatePhone: string;

  beforeAll(async () => {
    templateId = await createTemplate('Hi {{1}}, your interview at {{2}} is on {{3}}. Reply to {{4}}.', {
      '1': 'Asha',
      '2': 'Infosys',
      '3': '12 March',
      '4': 'the cell',
    });
    candidatePhone = uniqueIndianMobile();
    const candidate = await contentApi()
      .post('/api/whatsapp/candidates')
      .send({ data: { name: 'Ravi Kumar', phone: candidatePhone, attributes: { company: 'TCS', batch: 2024 } } })
      .expect(201);
    candidateId = candidate.body.data.documentId;
  });

  it('renders the given variables', async () => {
    const response = await preview(templateId, { variables: { '1': 'Meera', '2': 'Wipro', '3': 'Friday', '4': 'Priya' } }).expect(200);
    expect(response.body).toEqual({
      data: {
        text: 'Hi Meera, your interview at Wipro is on Friday. Reply to Priya.',
        missing: [],
        variables: { '1': 'Meera', '2': 'Wipro', '3': 'Friday', '4': 'Priya' },
      },
    });
  });

  it('reports the placeholders left empty, blank values included', async () => {
    const response = await preview(templateId, { variables: { '1': 'Meera', '3': '   ' } }).expect(200);
    expect(response.body.data).toEqual({ text: 'Hi Meera, your interview at  is on . Reply to .', missing: [2, 3, 4], variables: { '1': 'Meera' } });
  });

  it('renders the template’s own samples when given nothing, even without a body', async () => {
    for (const call of [preview(templateId), preview(templateId, {})]) {
      const response = await call.expect(200);
      expect(response.body.data).toEqual({
        text: 'Hi Asha, your interview at Infosys is on 12 March. Reply to the cell.',
        missing: [],
        variables: { '1': 'Asha', '2': 'Infosys', '3': '12 March', '4': 'the cell' },
      });
    }
  });

  it('renders for a candidate through a campaign variable mapping', async () => {
    const variableMapping = {
      '1': { source: 'field', field: 'name' },
      '2': { source: 'attribute', key: 'company' },
      '3': { source: 'attribute', key: 'interviewDate' },
      '4': { source: 'field', field: 'phone' },
    };
    const response = await preview(templateId, { candidate: candidateId, variableMapping }).expect(200);
    expect(response.body.data).toEqual({
      text: `Hi Ravi Kumar, your interview at TCS is on . Reply to ${candidatePhone}.`,
      missing: [3],
      variables: { '1': 'Ravi Kumar', '2': 'TCS', '4': candidatePhone },
    });

    // Given values fill what the candidate lacks, and win over the mapping.
    const withValues = await preview(templateId, {
      candidate: candidateId,
      variableMapping: { ...variableMapping, '4': { source: 'text', value: 'the placement cell' } },
      variables: { '3': 'Monday', '1': 'Mr. Kumar' },
    }).expect(200);
    expect(withValues.body.data).toEqual({
      text: 'Hi Mr. Kumar, your interview at TCS is on Monday. Reply to the placement cell.',
      missing: [],
      variables: { '1': 'Mr. Kumar', '2': 'TCS', '3': 'Monday', '4': 'the placement cell' },
    });
  });

  it.each([
    ['a candidate without a mapping', () => ({ candidate: candidateId }), 'variableMapping'],
    ['an unknown candidate', () => ({ candidate: 'doesnotexist000000000000', variableMapping: { '1': { source: 'field', field: 'name' } } }), 'candidate'],
    ['an unknown mapping source', () => ({ candidate: candidateId, variableMapping: { '1': { source: 'sql', value: 'x' } } }), 'variableMapping.1.source'],
    ['a candidate field that cannot be mapped', () => ({ candidate: candidateId, variableMapping: { '1': { source: 'field', field: 'optIn' } } }), 'variableMapping.1.field'],
    ['a variable key that is not a number', () => ({ variables: { name: 'x' } }), 'variables.name'],
    ['an unknown field', () => ({ values: {} }), ''],
  ])('refuses %s with a 400', async (_label, data, path) => {
    const response = await preview(templateId, data());
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    expect(response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toContain(path);
  });

  it('answers 404 for an unknown template', async () => {
    const response = await preview('doesnotexist000000000000', { variables: { '1': 'x' } });
    expect(response.status).toBe(404);
    expectStrapiError(response.body, 404, 'NotFoundError');
  });
});
