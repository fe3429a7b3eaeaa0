// What the app may use of card issuers.
export { cardIssuersResource, cardPlansResource } from './card-issuers.resources';
