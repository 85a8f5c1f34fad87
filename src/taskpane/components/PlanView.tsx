/** テンプレート・年度更新: the yearly preparation of the sheets departments fill. */
import type { HostPort, Settings } from '../../core';
import type { Translate } from '../text';
import { RolloverView } from './RolloverView';
import { TemplateView } from './TemplateView';

export function PlanView(props: {
  host: HostPort;
  t: Translate;
  settings: Settings;
  onError: (err: unknown) => void;
}) {
  return (
    <div>
      <RolloverView {...props} />
      <TemplateView {...props} />
    </div>
  );
}
