import { closeTestKnex } from './db';

afterAll(async () => {
  await closeTestKnex();
});
