/**
 * The example plan definition for the 4th plan (令和4年度〜令和8年度): the seed document names its
 * three basic policies; the measures and items are the 3rd plan's, carried over under the policy
 * that continues each of them (the document says the 4th plan inherits the 3rd's policies). Targets
 * are the 3rd plan's R2 targets placed under R4, as placeholders for the figures a city would set.
 */
import type { z } from 'zod';
import type { planDefinitionSchema } from '../../src/core/template/planDefinition';
import { seedOwners, type SeedItem } from './seed';

type PlanJson = z.input<typeof planDefinitionSchema>;

/** The 4th plan's basic policy that continues each 3rd-plan measure. */
const POLICY_OF_MEASURE: Readonly<Record<string, string>> = {
  業務改善: '時代の変化に対応した仕組み改革',
  民間活力の積極的な導入: '時代の変化に対応した仕組み改革',
  組織機構の見直し: '時代の変化に対応した仕組み改革',
  '広報・広聴の充実': '時代の変化に対応した仕組み改革',
  '自主的・主体的な地域づくり': '時代の変化に対応した仕組み改革',
  '人材育成、働き方改革の推進': '新たな働き方への環境整備',
  公共施設等の適正な管理: '健全な財政運営',
  '公営企業会計、特別会計の健全化': '健全な財政運営',
  歳出の適正化: '健全な財政運営',
  自主財源の維持確保: '健全な財政運営',
};
const POLICIES = ['時代の変化に対応した仕組み改革', '新たな働き方への環境整備', '健全な財政運営'];

const isDash = (s: string) => s === '' || /^[-－―‐—]+$/.test(s);

export function plan4FromSeed(items: readonly SeedItem[]): PlanJson {
  const measures = new Map<string, SeedItem[]>();
  for (const item of items) {
    const list = measures.get(item.measure) ?? [];
    list.push(item);
    measures.set(item.measure, list);
  }
  return {
    title: '第4次笠間市行財政改革大綱実施計画',
    years: 'R4-R8',
    policies: POLICIES.map((title) => ({
      title,
      measures: [...measures]
        .filter(([measure]) => POLICY_OF_MEASURE[measure] === title)
        .map(([measure, list]) => ({
          title: measure,
          items: list.map((item) => {
            const priority = item.name.includes('【重点】');
            const indicator = isDash(item.indicator) ? null : item.indicator;
            const target = item.target.trim();
            return {
              number: item.number,
              name: item.name.replace('【重点】', ''),
              priority,
              owners: seedOwners(item),
              indicator: indicator
                ? {
                    name: indicator.replace(/^☆/, ''),
                    key: indicator.startsWith('☆'),
                    targets: isDash(target)
                      ? {}
                      : ({ R4: /^-?\d+(\.\d+)?$/.test(target) ? Number(target) : target } as Record<
                          string,
                          string | number
                        >),
                  }
                : null,
            };
          }),
        })),
    })),
  };
}
