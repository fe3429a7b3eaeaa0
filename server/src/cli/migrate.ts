import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { run } from './run';

run(async () => {
  const action = process.argv[2] ?? 'latest';
  const db = await openDatabase(loadConfig(), { migrate: false });
  try {
    if (action === 'rollback') {
      const [batch, names] = (await db.knex.migrate.rollback()) as [number, string[]];
      console.log(names.length ? `Rolled back batch ${batch}: ${names.join(', ')}` : 'Nothing to roll back');
    } else {
      const [batch, names] = (await db.knex.migrate.latest()) as [number, string[]];
      console.log(names.length ? `Batch ${batch}: ${names.join(', ')}` : 'Already up to date');
    }
  } finally {
    await db.close();
  }
});
