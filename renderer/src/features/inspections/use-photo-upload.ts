import { useState } from 'react';
import { pickAndStageFile, stageFile } from '../../lib/stage-file';

export interface StagedPhoto {
  stagedFileId: string;
  name: string;
}

/**
 * Photos staged from the file picker or a drop (as scans: the core checks that each is an image),
 * one at a time; `uploading` names the one under way.
 */
export function usePhotoUpload() {
  const [uploading, setUploading] = useState<string | null>(null);
  const stageAll = async (files: readonly File[]): Promise<StagedPhoto[]> => {
    const staged: StagedPhoto[] = [];
    try {
      for (const file of files) {
        setUploading(file.name);
        const info = await stageFile(file, 'scan');
        staged.push({ stagedFileId: info.stagedFileId, name: info.name });
      }
    } finally {
      setUploading(null);
    }
    return staged;
  };
  const pick = async (): Promise<StagedPhoto[]> => {
    setUploading('…');
    try {
      const info = await pickAndStageFile('scan');
      return info ? [{ stagedFileId: info.stagedFileId, name: info.name }] : [];
    } finally {
      setUploading(null);
    }
  };
  return { uploading, stageAll, pick };
}
