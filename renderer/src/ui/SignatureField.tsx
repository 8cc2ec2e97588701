import { ClearOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography } from 'antd';
import SignaturePad from 'signature_pad';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Signature } from '../../../shared/contract';

interface Props {
  /** A form control: antd's Form.Item passes the value and takes the changes. */
  value?: Partial<Signature>;
  onChange?: (value: Partial<Signature>) => void;
  namePlaceholder?: string;
  testId?: string;
}

/** The pad's size on screen; drawn at the screen's pixel density, so strokes stay sharp. */
const WIDTH = 360;
const HEIGHT = 110;

/**
 * A signature as the registers keep it (intake, loan, return): the signer's typed name, and
 * optionally their drawn signature on a pad (mouse, pen or touch), kept as a small PNG. 清除
 * wipes the drawing; the name stays.
 */
export function SignatureField({ value, onChange, namePlaceholder, testId }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  // The latest value and callback, for the pad's listener that outlives a render.
  const latest = useRef({ value, onChange });
  useEffect(() => {
    latest.current = { value, onChange };
  });

  useEffect(() => {
    const element = canvas.current;
    if (!element) return undefined;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = WIDTH * ratio;
    element.height = HEIGHT * ratio;
    element.getContext('2d')?.scale(ratio, ratio);
    const signaturePad = new SignaturePad(element, { penColor: '#1f1f1f', minWidth: 0.8, maxWidth: 2.4 });
    const drawn = () => {
      const { value: current, onChange: change } = latest.current;
      change?.({ ...current, name: current?.name ?? '', image: signaturePad.toDataURL('image/png') });
    };
    signaturePad.addEventListener('endStroke', drawn);
    pad.current = signaturePad;
    return () => {
      signaturePad.removeEventListener('endStroke', drawn);
      signaturePad.off();
      pad.current = null;
    };
  }, []);

  const clear = () => {
    pad.current?.clear();
    onChange?.({ name: value?.name ?? '' });
  };

  return (
    <Space orientation="vertical" size={4} data-testid={testId}>
      <Input
        value={value?.name ?? ''}
        maxLength={40}
        placeholder={namePlaceholder ?? t('signature.name')}
        onChange={(event) => onChange?.({ ...value, name: event.target.value })}
        data-testid={testId ? `${testId}-name` : undefined}
      />
      <canvas ref={canvas} style={{ width: WIDTH, height: HEIGHT, border: '1px dashed #bfbfbf', borderRadius: 6, background: '#fff', touchAction: 'none' }} aria-label={t('signature.pad')} data-testid={testId ? `${testId}-pad` : undefined} />
      <Space size={8}>
        <Typography.Text type="secondary">{value?.image ? t('signature.drawn') : t('signature.optional')}</Typography.Text>
        <Button size="small" icon={<ClearOutlined />} onClick={clear} disabled={!value?.image}>
          {t('signature.clear')}
        </Button>
      </Space>
    </Space>
  );
}
