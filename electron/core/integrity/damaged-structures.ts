import type Database from 'better-sqlite3';

/**
 * The tables and indexes with a page that fails its check. Each b-tree is walked on its own
 * (SQLite's `dbstat` reads every page of the one named), so one damaged page names its table
 * instead of failing the whole check; a schema that cannot be read names itself.
 */
export function findDamagedStructures(sqlite: Database.Database): string[] {
  let names: string[];
  try {
    names = (sqlite.prepare("SELECT name FROM sqlite_schema WHERE rootpage > 0 ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  } catch {
    return ['sqlite_schema'];
  }
  const walk = sqlite.prepare('SELECT count(*) FROM dbstat WHERE name = ?').pluck();
  const damaged: string[] = [];
  for (const name of names) {
    try {
      walk.get(name);
    } catch {
      damaged.push(name);
    }
  }
  return damaged;
}

/** Parts of the search index: derived from the records, so they can be rebuilt from them. */
export function isSearchIndexStructure(name: string): boolean {
  return name.startsWith('search_') || name.startsWith('sqlite_autoindex_search_');
}

/**
 * What can be built again from the records: the search index, and every index declared with
 * CREATE INDEX (SQLite fills it again from its table). The indexes a table's own UNIQUE or PRIMARY
 * KEY make (sqlite_autoindex_…) come only with the table, and the tables are the records.
 */
export function rebuildableIn(sqlite: Database.Database): (name: string) => boolean {
  const declared = new Set((sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string }[]).map((r) => r.name));
  return (name) => isSearchIndexStructure(name) || declared.has(name);
}
