import type { WriteEffects } from '../../context';
import type { ArchivePaths } from '../../vault/archive-files';
import { keySlotFileText, readKeySlotFile, withSlot, withoutSlot, type KeySlot } from '../../vault/key-slots';

/** The key slot file with this slot added or replaced, written as part of the transaction. */
export function putSlot(effects: WriteEffects, paths: ArchivePaths, slot: KeySlot): void {
  effects.replaceFile(paths.keySlots, keySlotFileText(withSlot(readKeySlotFile(paths.keySlots), slot)));
}

export function dropSlot(effects: WriteEffects, paths: ArchivePaths, slotId: string): void {
  effects.replaceFile(paths.keySlots, keySlotFileText(withoutSlot(readKeySlotFile(paths.keySlots), slotId)));
}
