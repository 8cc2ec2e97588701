import { App, Alert, Button, Empty, Flex, Input, Popconfirm, Select, Space, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';
import { InboxCard } from './InboxCard';
import { InboxResult, type InboxResultState } from './InboxResult';
import { useChecklistItems } from './use-checklist-items';
import '../scans/scans.css';
import './inbox.css';

/** How often the list is asked for again: files appear a few seconds after the scanner has written them. */
const REFRESH_MS = 2000;

/** 扫描收件箱: the scanner's complete files, filed onto a dossier typed or scanned in, or by their cover sheets. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const english = i18n.language === 'en';
  const inbox = useChannel('inbox:list', {});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [archiveNumber, setArchiveNumber] = useState('');
  const [item, setItem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InboxResultState>(null);
  const numberField = useRef<InputRef>(null);
  /** The whole folder onto this number, asked in the page (the focus stays in the number field: a second Enter confirms). */
  const [askingAll, setAskingAll] = useState<{ number: string; names: string[] } | null>(null);
  const items = useChecklistItems(archiveNumber.trim());
  const entries = inbox.data?.entries ?? [];
  const { reload } = inbox;

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one timer for the page's life
  }, []);

  const present = entries.filter((e) => selected.has(e.name)).map((e) => e.name);
  const fileable = entries.filter((e) => e.state === 'scan').map((e) => e.name);

  const run = async (work: () => Promise<Exclude<InboxResultState, null>>, then?: () => void) => {
    setBusy(true);
    setResult(null);
    // Ready for the next number from the scanner gun: after a failure, what is typed is selected, so the next scan replaces it.
    let cursor: 'end' | 'all' = 'end';
    try {
      setResult(await work());
      setSelected(new Set());
      then?.();
    } catch (failure) {
      setResult({ kind: 'failed', text: errorText(failure, i18n.language) });
      cursor = 'all';
    } finally {
      setBusy(false);
      reload();
      numberField.current?.focus({ cursor });
    }
  };

  /** Once filed by number, the field is emptied: a scanner gun types the next number after what is there. */
  const clearTarget = () => {
    setArchiveNumber('');
    setItem(undefined);
  };

  const fileNames = (names: string[], number: string) => void run(async () => ({ kind: 'filed', outcome: await call('inbox:file', { names, archiveNumber: number, ...(item ? { checklistItem: item } : {}) }) }), clearTarget);

  const fileChosen = () => {
    const number = archiveNumber.trim();
    if (number === '') return void message.warning(t('inbox.needNumber'));
    if (present.length > 0) return fileNames(present, number);
    if (fileable.length === 0) return void message.warning(t('inbox.nothingToFile'));
    // Nothing chosen: the whole folder goes onto this dossier – asked first, since a second batch may lie there too.
    if (askingAll?.number === number) {
      setAskingAll(null);
      return fileNames(askingAll.names, number);
    }
    setAskingAll({ number, names: fileable });
    setResult(null);
    numberField.current?.focus();
  };

  const discard = () => void run(async () => ({ kind: 'discarded', count: (await call('inbox:discard', { names: present })).discarded.length }));
  const autoFile = () => void run(async () => ({ kind: 'filed', outcome: await call('inbox:auto-file', {}) }));

  return (
    <div className="page" data-testid="inbox-page">
      <Flex justify="space-between" align="center" className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          {t('inbox.title')}
        </Typography.Title>
        {inbox.data?.folder ? <Typography.Text type="secondary">{t('inbox.folder', { folder: inbox.data.folder })}</Typography.Text> : null}
      </Flex>
      {inbox.error && <Alert type="error" showIcon title={inbox.error.text(i18n.language)} className="form-alert" />}
      {inbox.data && inbox.data.folder === '' && <Alert type="info" showIcon title={t('inbox.noFolder')} description={t('inbox.noFolderHelp')} className="form-alert" data-testid="inbox-no-folder" />}
      {inbox.data?.problem && <Alert type="error" showIcon title={english ? inbox.data.problem.en : inbox.data.problem.zh} className="form-alert" />}
      {inbox.data?.folder ? (
        <>
          <Space wrap className="page-toolbar">
            <Input
              ref={numberField}
              autoFocus
              allowClear
              style={{ width: 240 }}
              placeholder={t('inbox.archiveNumber')}
              value={archiveNumber}
              onChange={(event) => {
                setArchiveNumber(event.target.value);
                setAskingAll(null);
              }}
              // A scanner gun types the number and Enter.
              onPressEnter={fileChosen}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setAskingAll(null);
              }}
              data-testid="inbox-archive-number"
            />
            <Select allowClear style={{ width: 220 }} placeholder={t('inbox.checklistItem')} value={item} onChange={setItem} options={items.map((i) => ({ value: i.key, label: i.name }))} data-testid="inbox-item" />
            <Button type="primary" loading={busy} disabled={fileable.length === 0} onClick={fileChosen} data-testid="inbox-file">
              {present.length > 0 ? t('inbox.fileSelected', { count: present.length }) : t('inbox.fileAll')}
            </Button>
            <Button loading={busy} disabled={fileable.length === 0} onClick={autoFile} data-testid="inbox-auto-file">
              {t('inbox.autoFile')}
            </Button>
            <Button disabled={entries.length === 0} onClick={() => setSelected(new Set(entries.map((e) => e.name)))}>{t('inbox.selectAll')}</Button>
            <Popconfirm title={t('inbox.discardConfirm', { count: present.length })} onConfirm={discard} disabled={present.length === 0}>
              <Button danger disabled={present.length === 0} data-testid="inbox-discard">
                {t('inbox.discard')}
              </Button>
            </Popconfirm>
          </Space>
          {askingAll && present.length === 0 && (
            <Alert
              type="warning"
              showIcon
              className="form-alert"
              title={t('inbox.fileAllConfirm', { count: askingAll.names.length, number: askingAll.number })}
              description={t('inbox.fileAllHint')}
              action={
                <Space>
                  <Button size="small" type="primary" onClick={fileChosen} data-testid="inbox-confirm-all">
                    {t('inbox.fileAll')}
                  </Button>
                  <Button size="small" onClick={() => setAskingAll(null)}>
                    {t('common.cancel')}
                  </Button>
                </Space>
              }
              data-testid="inbox-asking-all"
            />
          )}
          <InboxResult result={result} onClose={() => setResult(null)} />
          {entries.length === 0 ? (
            <Empty description={t('inbox.empty')} data-testid="inbox-empty" />
          ) : (
            <div className="inbox-grid" data-testid="inbox-grid">
              {entries.map((entry) => (
                <InboxCard
                  key={entry.name}
                  entry={entry}
                  selected={selected.has(entry.name)}
                  onSelect={(on) =>
                    setSelected((before) => {
                      const next = new Set(before);
                      if (on) next.add(entry.name);
                      else next.delete(entry.name);
                      return next;
                    })
                  }
                />
              ))}
            </div>
          )}
        </>
      ) : null}
    </div>
  );
}
