import { savedReplySchema } from './schema';

export default { schema: savedReplySchema };
