import type { InputOf, OutputOf, StagedFileInfo } from '../../../../shared/contract';
import { stageInChunks, type StagingCall } from '../../../../shared/staging-upload';
import type { StagingArea } from '../../staging/staging-area';

/** The staging channels' work, done on the session's own staging area (the core stages a file it read itself). */
function callOn(area: StagingArea): StagingCall {
  const calls = {
    'staging:begin': (input: InputOf<'staging:begin'>): OutputOf<'staging:begin'> => ({ stagedFileId: area.begin(input.purpose, input.name, input.size) }),
    'staging:append': (input: InputOf<'staging:append'>): OutputOf<'staging:append'> => ({ received: area.append(input.stagedFileId, input.offset, input.bytes) }),
    'staging:finish': (input: InputOf<'staging:finish'>): OutputOf<'staging:finish'> => area.finish(input.stagedFileId),
    'staging:discard': (input: InputOf<'staging:discard'>): OutputOf<'staging:discard'> => ({ discarded: area.discard(input.stagedFileId) }),
  };
  return (channel, input) => Promise.resolve((calls[channel] as (input: unknown) => never)(input));
}

/**
 * A file of the watched folder, read by the core, staged as every scan is – in chunks, encrypted,
 * in the session's staging area – so that it is filed by scan:add's own path.
 */
export function stageInboxFile(area: StagingArea, name: string, bytes: Uint8Array): Promise<StagedFileInfo> {
  const read = (offset: number, length: number) => Promise.resolve(new Uint8Array(bytes.subarray(offset, offset + length)));
  return stageInChunks({ name, size: bytes.length, read }, 'scan', callOn(area));
}
