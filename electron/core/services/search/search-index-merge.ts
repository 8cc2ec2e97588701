import type { Db } from '../../../../db/open';
import { mergeSegments, resumeSegmentMerges } from '../../../../db/repositories/search';
import type { BackgroundJob } from '../../session';

/** About 35 ms of merging on a workstation: a step between the user's calls. */
const PAGES_PER_STEP = 200;

/**
 * After an import in the window: the index segments it left unmerged (deferSegmentMerges) are
 * folded together a step at a time between the user's calls, so searching is as fast as before
 * within a second or two of a 100,000-row import; then FTS5 merges as it writes again. A session
 * that ends first leaves the merges deferred, and the next sign-in in the window goes on with them.
 * Upkeep of a derived index: no record changes, nothing is audited.
 */
export class SearchIndexMerge implements BackgroundJob {
  readonly kind = 'search-merge';
  readonly audit = null;
  readonly total = 0;
  done = 0;
  finished = false;

  step(db: Db): void {
    this.done += 1;
    if (mergeSegments(db, PAGES_PER_STEP)) return;
    resumeSegmentMerges(db);
    this.finished = true;
  }
}
