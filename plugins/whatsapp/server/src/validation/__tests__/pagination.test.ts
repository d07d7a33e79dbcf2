import { errors } from '@strapi/utils';
import { assertPagination } from '../pagination';

describe('assertPagination', () => {
  it('accepts what Strapi can use', () => {
    for (const pagination of [
      undefined,
      {},
      { page: '2', pageSize: '25' },
      { page: 1, pageSize: 100, withCount: 'false' },
      { start: '0', limit: '10' },
      { limit: '-1' },
    ]) {
      expect(() => assertPagination(pagination)).not.toThrow();
    }
  });

  it('refuses what it would otherwise quietly reinterpret', () => {
    for (const pagination of [
      { pageSize: '-5' },
      { page: '0' },
      { page: 'abc' },
      { page: '1.5' },
      { start: '-1' },
      { limit: 'many' },
      { limit: '0' },
      { withCount: 'maybe' },
      { size: '10' },
      'page=1',
      ['1'],
    ]) {
      expect(() => assertPagination(pagination)).toThrow(errors.ValidationError);
    }
  });
});
