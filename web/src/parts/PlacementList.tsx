import { List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { when } from "../jobs";

type Placement = components["schemas"]["Placement"];

/**
 * Where a job that named several clusters (or any) went: the cluster chosen, and each one
 * weighed with its predicted start and price, or why it could not take the job (the
 * server's words).
 */
export function PlacementList({ placement, chosen }: { placement: Placement; chosen: boolean }) {
  const { t, i18n } = useTranslation();
  const asked = placement.asked === "any" ? t("job.placementAny") : placement.asked.join(", ");
  return (
    <div data-testid="placement">
      {chosen && (
        <Typography.Paragraph>
          {t("job.placementChosen", { cluster: placement.chosen, asked })}
        </Typography.Paragraph>
      )}
      {(placement.moved ?? []).map((m) => (
        <Typography.Paragraph key={m.at}>
          {t("job.placementMoved", { from: m.from, to: m.to, when: when(m.at, i18n.language) })}
        </Typography.Paragraph>
      ))}
      <List
        size="small"
        dataSource={placement.considered}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Typography.Text strong={c.cluster === placement.chosen}>
                  {c.cluster}
                </Typography.Text>
              }
              description={
                c.refused ??
                (c.startsAt
                  ? t("job.placementStarts", {
                      when: when(c.startsAt, i18n.language),
                      price: c.perHour,
                    })
                  : t("job.placementUnknown", { price: c.perHour }))
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
