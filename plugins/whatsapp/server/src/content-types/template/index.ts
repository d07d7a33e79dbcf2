import { templateSchema } from './schema';

export default { schema: templateSchema };
