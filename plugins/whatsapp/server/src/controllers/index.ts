import { FEATURES } from '../features';

export default Object.assign({}, ...FEATURES.map((feature) => feature.controllers));
