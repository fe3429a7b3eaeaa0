import type { Role } from '../../server/src/http/permissions';
import type { Agent } from './app';
import { agentsFor, createTestCompany, type TestCompany } from './factories';
import { createToken, type TokenClient } from './tokens';

/**
 * Requests to billing as the tests make them: a company with its users and billing's API token,
 * a supervisor asking billing for a fiscal NC or ND, and billing posting the document that
 * fulfils a request.
 */
export interface BillingWorld {
  company: TestCompany;
  agents: Record<Role, Agent>;
  /** Billing's integration: an API token that may post documents. */
  billing: TokenClient;
}

export async function createBillingWorld(name: string): Promise<BillingWorld> {
  const company = await createTestCompany(name);
  const agents = await agentsFor(company);
  const billing = await createToken(agents.admin, { name: 'Facturación', scopes: ['documents:write'] });
  return { company, agents, billing };
}

/** POST /api/billing-requests/credit-note: billing is asked for the NC that reverses `documentId`. */
export const askCreditNote = (agent: Agent, documentId: number, reason = 'Precio mal cargado') =>
  agent.post('/api/billing-requests/credit-note', { documentId, reason });

/** POST /api/billing-requests/interest: billing is asked for the interest NDs of these customers as of `date`. */
export const askInterest = (agent: Agent, date: string, customerIds: number[]) =>
  agent.post('/api/billing-requests/interest', { date, customerIds });

let lastNumber = 7000;

/** A document number billing has not used yet in this test file (point of sale 3). */
export const nextNumber = () => (lastNumber += 1);

/**
 * The body billing posts to fulfil request `billingRequestId`: a fiscal document of point of sale 3
 * with the next unused number; `fields` say what it is (customer, type, letter, date, total, …).
 */
export function fulfilment(
  billingRequestId: number,
  fields: { customerId: number; type: 'NC' | 'ND'; letter: string; issueDate: string; total: string } & Record<string, unknown>,
): Record<string, unknown> {
  return { pointOfSale: 3, number: nextNumber(), billingRequestId, ...fields };
}
