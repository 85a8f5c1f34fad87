/** Confirmation before 統一する: exactly which cells change, from what to what. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { CellEdit } from '../../core';
import { usePane } from '../pane';

export function UnifyDialog(props: {
  edits: readonly CellEdit[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { edits, onConfirm, onCancel } = props;
  const { t } = usePane();
  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('unifyTitle')}</DialogTitle>
          <DialogContent>
            <ul aria-label={t('unifyTitle')}>
              {edits.map((e) => (
                <li key={`${e.sheet}!${e.cell}`}>
                  {e.sheet}!{e.cell}: 「{e.expected}」 → 「{e.value}」
                </li>
              ))}
            </ul>
            <p>{t('unifyBody')}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {t('confirm')}
            </Button>
            <Button onClick={onCancel}>{t('cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
