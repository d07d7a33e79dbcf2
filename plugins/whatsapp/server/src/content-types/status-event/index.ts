import { statusEventSchema } from './schema';

export default { schema: statusEventSchema };
