import { syncRunSchema } from './schema';

export default { schema: syncRunSchema };
