import { runFileEnd } from './file-end';
import { closeTestKnex } from './db';

afterAll(async () => {
  await runFileEnd();
  await closeTestKnex();
});
