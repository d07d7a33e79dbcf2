export { configureGraphql } from './configure';
