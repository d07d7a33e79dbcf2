import { FEATURES } from '../../features';

export default {
  type: 'admin',
  routes: FEATURES.flatMap((feature) => feature.adminRoutes),
};
