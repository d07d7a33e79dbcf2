import { errors } from '@strapi/utils';
import { assertFilterValues, assertPopulateFilters, type FilterModel } from '../query-filters';

const models: Record<string, FilterModel> = {
  message: {
    attributes: {
      errorCode: { type: 'integer' },
      body: { type: 'text' },
      sentAt: { type: 'datetime' },
      candidate: { type: 'relation', target: 'candidate' },
      score: { type: 'float' },
    },
  },
  candidate: { attributes: { name: { type: 'string' }, visits: { type: 'biginteger' }, lastMessage: { type: 'relation', target: 'message' } } },
};
const check = (filters: unknown) => () => assertFilterValues((uid) => models[uid], 'message', filters);

/** The ValidationError thrown, with the path of the refused value. */
const refusal = (filters: unknown) => {
  try {
    check(filters)();
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    return (error as errors.ValidationError).details as { errors: Array<{ path: string[] }> };
  }
  throw new Error(`accepted ${JSON.stringify(filters)}`);
};

describe('assertFilterValues', () => {
  it('accepts values their columns can hold, whatever the operator', () => {
    for (const filters of [
      { id: 5 },
      { id: '5' },
      { id: { $in: ['1', 2, ' 3 '] } },
      { errorCode: { $between: ['63000', '63999'] }, body: { $containsi: 'abc' } },
      { $or: [{ id: { $lt: '10' } }, { errorCode: { $null: true } }] },
      { $not: { id: { $eq: '1' } } },
      { candidate: { id: { $gt: 0 }, name: { $eq: 'abc' }, visits: { $eq: '9007199254740993' } } },
      { candidate: { $eq: 4 } },
      { id: { $containsi: 'abc' } },
      { score: { $gte: '1.5' } },
      { errorCode: { $eq: null } },
      { sentAt: { $gt: 'whatever Strapi says' } },
    ]) {
      expect(check(filters)).not.toThrow();
    }
  });

  it('refuses what PostgreSQL would refuse, naming the path of the value', () => {
    expect(refusal({ id: { $eq: 'abc' } }).errors[0]!.path).toEqual(['filters', 'id', '$eq']);
    expect(refusal({ id: 'abc' }).errors[0]!.path).toEqual(['filters', 'id']);
    expect(refusal({ id: { $in: ['1', 'x'] } }).errors[0]!.path).toEqual(['filters', 'id', '$in', '1']);
    expect(refusal({ $or: [{ errorCode: { $lt: '1.5' } }] }).errors[0]!.path).toEqual(['filters', '$or', '0', 'errorCode', '$lt']);
    expect(refusal({ $and: [{ $not: { id: { $gt: 'a' } } }] }).errors[0]!.path).toEqual(['filters', '$and', '0', '$not', 'id', '$gt']);
    expect(refusal({ candidate: { id: { $eq: 'abc' } } }).errors[0]!.path).toEqual(['filters', 'candidate', 'id', '$eq']);
    expect(refusal({ candidate: { $in: ['x'] } }).errors[0]!.path).toEqual(['filters', 'candidate', '$in', '0']);
    expect(refusal({ candidate: { visits: { $eq: '12a' } } }).errors[0]!.path).toEqual(['filters', 'candidate', 'visits', '$eq']);
    expect(refusal({ id: { $eq: '99999999999' } }).errors[0]!.path).toEqual(['filters', 'id', '$eq']);
    expect(refusal({ score: { $gt: 'high' } }).errors[0]!.path).toEqual(['filters', 'score', '$gt']);
    expect(refusal({ score: { $gt: '' } }).errors[0]!.path).toEqual(['filters', 'score', '$gt']);
    expect(refusal({ errorCode: { $not: { $eq: 'x' } } }).errors[0]!.path).toEqual(['filters', 'errorCode', '$not', '$eq']);
  });

  it('leaves filters without a model or of another shape to Strapi', () => {
    expect(() => assertFilterValues(() => undefined, 'nothing', { id: 'abc' })).not.toThrow();
    expect(check(undefined)).not.toThrow();
    expect(check('id')).not.toThrow();
  });
});

describe('assertPopulateFilters', () => {
  const populate = (value: unknown) => () => assertPopulateFilters((uid) => models[uid], 'message', value);

  it('checks the filters of every populated relation, at any depth', () => {
    expect(populate({ candidate: { filters: { visits: { $gt: '3' } }, populate: { lastMessage: { filters: { id: 2 } } } } })).not.toThrow();
    expect(populate('*')).not.toThrow();
    expect(populate({ candidate: true })).not.toThrow();
    expect(populate({ candidate: { filters: { id: { $eq: 'abc' } } } })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ errors: [expect.objectContaining({ path: ['populate', 'candidate', 'filters', 'id', '$eq'] })] }) })
    );
    expect(populate({ candidate: { populate: { lastMessage: { filters: { errorCode: 'x' } } } } })).toThrow(errors.ValidationError);
  });
});
