import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { seedDemo } from '../../../seeds/demo';
import { run } from './run';

run(async () => {
  const db = await openDatabase(loadConfig());
  try {
    const result = await seedDemo(db.knex);
    console.log(
      result.created
        ? 'Demo data created (users: admin, supervisor, clerk, manager, admin2; password demo1234)'
        : 'Demo data already present: nothing done',
    );
  } finally {
    await db.close();
  }
});
