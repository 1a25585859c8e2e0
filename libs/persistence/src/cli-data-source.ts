/**
 * The data source of the TypeORM CLI (`nx run persistence:migration-generate`): DATABASE_URL read and
 * validated by libs/config like every process's, the local test database when unset. Not exported by
 * the lib's index, so importing the lib reads no environment.
 */
import { loadConfig } from '@zhengdun/config';
import { createDataSource } from './data-source';

export default createDataSource(loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/test');
