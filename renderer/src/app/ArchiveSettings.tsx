import { useTranslation } from 'react-i18next';
import { createContext, useContext, type ReactNode } from 'react';
import { defaultSettings, type Settings } from '../../../shared/contract';
import type { Permission } from '../../../shared/permissions';
import { levelLabel, levelAt } from '../../../shared/levels';
import { useChannel } from '../lib/use-channel';
import { useSession } from './SessionProvider';

interface ArchiveSettingsValue {
  settings: Settings;
  reload: () => void;
}

const ArchiveSettingsContext = createContext<ArchiveSettingsValue>({ settings: defaultSettings, reload: () => undefined });

/** The archive's settings (levels, policy) for the screens after sign-in. */
export function ArchiveSettingsProvider({ children }: { children: ReactNode }) {
  const { data, reload } = useChannel('settings:get', {});
  return <ArchiveSettingsContext.Provider value={{ settings: data ?? defaultSettings, reload }}>{children}</ArchiveSettingsContext.Provider>;
}

export function useArchiveSettings(): ArchiveSettingsValue {
  return useContext(ArchiveSettingsContext);
}

/** A level's label as the archive wants levels shown (name or letter grade). */
export function useLevels() {
  const { settings } = useArchiveSettings();
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  return {
    levels: settings.levels,
    label: (rank: number) => levelLabel(settings.levels, rank, settings.levelLabelling, language),
    level: (rank: number) => levelAt(settings.levels, rank),
  };
}

/** What the signed-in user may do: the UI offers only that; the core enforces it regardless. */
export function useCan(): (permission: Permission) => boolean {
  const { session } = useSession();
  const granted = new Set(session?.user.permissions ?? []);
  return (permission) => granted.has(permission);
}
