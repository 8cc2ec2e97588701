import Database from 'better-sqlite3';
import { nativeSqliteModule } from '../runtime/native-module';

/** A SQLite connection through the native module the runtime layout names (runtime/native-module.ts). */
export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  // The typings know only a path here; better-sqlite3 also takes the loaded module itself.
  return new Database(file, { ...options, nativeBinding: nativeSqliteModule() as unknown as string });
}
