import request from 'supertest';
import type { Agent } from './app';
import { testApp } from './app';

export interface TokenClient {
  token: string;
  id: number;
  get(url: string): request.Test;
  post(url: string, body?: unknown): request.Test;
  put(url: string, body?: unknown): request.Test;
  delete(url: string): request.Test;
}

/** Creates an API token through the admin's session and a client that sends it as a bearer. */
export async function createToken(admin: Agent, body: Record<string, unknown>): Promise<TokenClient> {
  const res = await admin.post('/api/api-tokens', body);
  if (res.status !== 201) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return bearerClient(res.body.token as string, res.body.id as number);
}

export async function bearerClient(token: string, id = 0): Promise<TokenClient> {
  const app = await testApp();
  const auth = (t: request.Test) => t.set('Authorization', `Bearer ${token}`);
  return {
    token,
    id,
    get: (url) => auth(request(app).get(url)),
    post: (url, body) => auth(request(app).post(url)).send(body as object),
    put: (url, body) => auth(request(app).put(url)).send(body as object),
    delete: (url) => auth(request(app).delete(url)),
  };
}
