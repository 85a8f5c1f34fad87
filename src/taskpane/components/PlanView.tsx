/** テンプレート・年度更新: the yearly preparation of the sheets departments fill. */
import { RolloverView } from './RolloverView';
import { TemplateView } from './TemplateView';

export function PlanView() {
  return (
    <div>
      <RolloverView />
      <TemplateView />
    </div>
  );
}
