/** The product-matching scorer and what-if replay, fetched when a learner first submits a decision. */
export { DEFAULT_PRODUCT_WEIGHTS, scoreProductChoice, whatIf } from '../domain/scoring/product-choice';
