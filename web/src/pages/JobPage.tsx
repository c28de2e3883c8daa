import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Progress,
  Result,
  Row,
  Space,
  Spin,
  Steps,
  Tag,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { api, ApiError, data } from "../api";
import { useJobEvents } from "../events";
import { ACTIVE, cores, duration, efficiency, reasonText, STATE_COLOR, when } from "../jobs";
import { Output } from "../parts/Output";
import { PageTitle } from "../parts/PageTitle";
import { PlacementList } from "../parts/PlacementList";
import { navigate } from "../router";
import { useClusters } from "../queries";
import { control } from "./Jobs";

/** One job: its timeline, what it asked for and got, cost, efficiency, and its live output. */
export default function JobPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  useJobEvents();
  const clusters = useClusters();

  const job = useQuery({
    queryKey: ["job", id],
    queryFn: () => data(api.GET("/api/v1/jobs/{id}", { params: { path: { id } } })),
  });
  if (job.isPending) return <Spin />;
  if (job.error)
    return (
      <Result
        status={job.error instanceof ApiError && job.error.status === 404 ? "404" : "error"}
        title={
          job.error instanceof ApiError && job.error.status === 404
            ? t("notFound.title")
            : t("error")
        }
        subTitle={job.error.message}
      />
    );
  const j = job.data;
  const active = ACTIVE.includes(j.state);
  const eff = efficiency(j);
  const lang = i18n.language;
  // a virtual cluster's jobs run nowhere and write nothing
  const virtual = clusters.data?.find((k) => k.name === j.cluster)?.backend === "virtual";
  const act = async (what: "cancel" | "hold" | "release") => {
    try {
      await control(what, j.jobId);
      void message.success(t(`jobs.done.${what}`, { count: 1 }));
      await job.refetch();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  // the step under way: all done once it has ended
  const step = j.endTime ? 4 : j.startTime ? 3 : 1;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space align="center" wrap>
        <PageTitle text={t("job.title", { id: j.jobId, name: j.name })} />
        <Tag color={STATE_COLOR[j.state]} data-testid="job-state">
          {t(`state.${j.state}`)}
        </Tag>
        {active && (
          <Button danger onClick={() => void act("cancel")}>
            {t("jobs.cancel")}
          </Button>
        )}
        {j.state === "PENDING" && (
          <Button onClick={() => void act(j.held ? "release" : "hold")}>
            {t(j.held ? "jobs.release" : "jobs.hold")}
          </Button>
        )}
        <Button onClick={() => navigate(`/submit?from=${j.jobId}`)}>{t("job.resubmit")}</Button>
      </Space>
      {j.state === "PENDING" && (
        <Alert type="info" showIcon title={reasonText(j, clusters.data, t, lang)} />
      )}
      {!active && j.reason && (
        <Alert type={j.state === "COMPLETED" ? "success" : "warning"} showIcon title={j.reason} />
      )}
      <Steps
        current={step}
        items={[
          { title: t("job.submitted"), content: when(j.submitTime, lang) },
          { title: t("job.eligible"), content: when(j.beginTime ?? j.submitTime, lang) },
          { title: t("job.started"), content: when(j.startTime ?? j.plannedStart, lang) },
          { title: t("job.ended"), content: when(j.endTime, lang) },
        ]}
      />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("job.resources")}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t("jobs.account")}>{j.account}</Descriptions.Item>
              <Descriptions.Item
                label={t("jobs.partition")}
              >{`${j.cluster}/${j.partition}`}</Descriptions.Item>
              <Descriptions.Item label={t("job.cores")}>
                {t("job.askedGiven", {
                  asked: (j.request.tasks ?? 1) * (j.request.cpusPerTask ?? 1),
                  given: j.alloc?.cpus ?? "—",
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t("job.memory")}>
                {j.alloc ? `${Math.round((j.alloc.memMiB / 1024) * 10) / 10} GiB` : "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("job.gpus")}>
                {j.alloc?.gpus ?? j.request.gpus ?? 0}
              </Descriptions.Item>
              <Descriptions.Item label={t("job.timeLimit")}>
                {duration(j.timeLimit)}
              </Descriptions.Item>
              <Descriptions.Item label={t("jobs.elapsed")}>{duration(j.elapsed)}</Descriptions.Item>
              <Descriptions.Item label={t("job.exitCode")}>
                {j.exitCode === null ? "—" : `${j.exitCode}:${j.signal ?? 0}`}
              </Descriptions.Item>
              <Descriptions.Item label={t("job.cost")}>
                {active
                  ? t("job.held", { hold: j.hold, cost: j.cost ?? "0.00" })
                  : (j.cost ?? "0.00")}
              </Descriptions.Item>
              <Descriptions.Item label={t("job.workdir")}>
                <Typography.Text code>{j.workdir}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {j.placement && (
            <Card size="small" title={t("job.placement")} style={{ marginTop: 16 }}>
              <PlacementList placement={j.placement} chosen />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("job.efficiency")}>
            {eff.cpu === null && eff.mem === null ? (
              <Typography.Text type="secondary">{t("job.noEfficiency")}</Typography.Text>
            ) : (
              <>
                {eff.cpu !== null && (
                  <>
                    <Typography.Text>{t("job.cpuUse")}</Typography.Text>
                    <Progress percent={Math.round(eff.cpu * 100)} aria-label={t("job.cpuUse")} />
                  </>
                )}
                {eff.mem !== null && (
                  <>
                    <Typography.Text>{t("job.memUse")}</Typography.Text>
                    <Progress percent={Math.round(eff.mem * 100)} aria-label={t("job.memUse")} />
                  </>
                )}
                {!active && eff.cpu !== null && eff.cpu < 0.5 && cores(j) > 1 && (
                  <Alert
                    type="warning"
                    showIcon
                    title={t("job.fewerCores", { pct: Math.round(eff.cpu * 100), cores: cores(j) })}
                  />
                )}
              </>
            )}
          </Card>
        </Col>
      </Row>
      {virtual && j.state !== "PENDING" && (
        <Typography.Text type="secondary">{t("job.noOutputVirtual")}</Typography.Text>
      )}
      {j.state !== "PENDING" && !virtual && (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Output id={j.jobId} stream="stdout" active={active} />
          </Col>
          {j.stderr !== j.stdout && (
            <Col xs={24} xl={12}>
              <Output id={j.jobId} stream="stderr" active={active} />
            </Col>
          )}
        </Row>
      )}
    </Space>
  );
}
