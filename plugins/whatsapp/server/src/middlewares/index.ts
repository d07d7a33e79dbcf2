import { contentQuery } from './content-query';

export default {
  'content-query': contentQuery,
};
