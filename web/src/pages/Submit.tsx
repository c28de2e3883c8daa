import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space } from "antd";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PlacementList } from "../parts/PlacementList";
import { api, ApiError, data } from "../api";
import { duration } from "../jobs";
import { PageTitle } from "../parts/PageTitle";
import type { LineProblem } from "../parts/ScriptEditor";
import { useClusters, useQos } from "../queries";
import { navigate } from "../router";
import { fieldsOf, scriptWith, TEMPLATES, type FormFields } from "../script";
import { useWhoami } from "../session";

// CodeMirror is most of this page's code: the form shows while it comes
const ScriptEditor = lazy(() => import("../parts/ScriptEditor"));

/** The mails a job may ask for, as --mail-type takes them. */
const MAIL_TYPES = ["BEGIN", "END", "FAIL", "ALL"];

/** How long typing rests before the dry run checks the script. */
const CHECK_AFTER_MS = 400;

type Check = Awaited<ReturnType<typeof checkScript>>;
type Checked = { ok: Check } | { error: string; problem: LineProblem | null };

/** The API's refusal, and the script's line it names (if it names one). */
function refusal(e: Error): Checked {
  const line = e instanceof ApiError ? e.details.line : undefined;
  return {
    error: e.message,
    problem: typeof line === "number" ? { line, message: e.message } : null,
  };
}

/** A job's script to submit again (?from=ID): its own lines, with where it ran and as whom it paid. */
async function resubmitted(id: string): Promise<string> {
  const [job, script] = await Promise.all([
    data(api.GET("/api/v1/jobs/{id}", { params: { path: { id } } })),
    data(
      api.GET("/api/v1/jobs/{id}/script", {
        params: { path: { id } },
        parseAs: "text",
      }),
    ) as Promise<string>,
  ]);
  return scriptWith(script, {
    ...fieldsOf(script),
    account: job.account,
    partition: job.partition,
  });
}

function checkScript(script: string, workdir: string | undefined) {
  return data(
    api.POST("/api/v1/jobs/check", { body: { script, ...(workdir ? { workdir } : {}) } }),
  );
}

/**
 * Submit: a form and the script side by side, each writing the other; every change is
 * checked by the API's dry run (the same parser and checks as a submission, money included),
 * which says what is wrong or what the job would hold.
 */
export default function Submit() {
  const { t } = useTranslation();
  const who = useWhoami();
  const clusters = useClusters();
  const [form] = Form.useForm<FormFields & { workdir?: string }>();
  const [script, setScript] = useState(TEMPLATES.plain!);
  const [check, setCheck] = useState<Checked | null>(null);
  const qos = useQos();
  // "submit again" on a job's page opens this one with that job's script
  useEffect(() => {
    const from = new URLSearchParams(window.location.search).get("from");
    if (from) resubmitted(from).then(setScript, (e: Error) => setCheck(refusal(e)));
  }, []);
  const [sending, setSending] = useState(false);
  const [workdir, setWorkdir] = useState<string>();
  const partitions = useMemo(
    () =>
      (clusters.data ?? []).flatMap((k) =>
        k.partitions.map((p) => ({ value: p.name, label: `${p.name} (${k.name})` })),
      ),
    [clusters.data],
  );
  // the script fills the form
  useEffect(() => form.setFieldsValue(fieldsOf(script)), [script, form]);
  // and is checked, once typing rests
  useEffect(() => {
    const timer = setTimeout(() => {
      checkScript(script, workdir).then(
        (ok) => setCheck({ ok }),
        (e: Error) => setCheck(refusal(e)),
      );
    }, CHECK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [script, workdir]);
  const submit = async () => {
    setSending(true);
    try {
      const r = await data(
        api.POST("/api/v1/jobs", {
          body: { script, ...(workdir ? { workdir } : {}), scriptName: "portal" },
        }),
      );
      navigate(`/jobs/${r.jobIds[0] ?? r.id}`);
    } catch (e) {
      setCheck(refusal(e as Error));
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <PageTitle text={t("submit.title")} />
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card size="small">
            <Form
              form={form}
              layout="vertical"
              onValuesChange={(_c, all) => {
                const { workdir: w, ...fields } = all;
                setWorkdir(w || undefined);
                setScript((s) => scriptWith(s, fields));
              }}
            >
              <Form.Item label={t("submit.template")}>
                <Select
                  aria-label={t("submit.template")}
                  placeholder={t("submit.templatePick")}
                  onChange={(k: string) => setScript(TEMPLATES[k]!)}
                  options={Object.keys(TEMPLATES).map((k) => ({
                    value: k,
                    label: t(`submit.templates.${k}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="jobName" label={t("submit.name")}>
                <Input />
              </Form.Item>
              <Form.Item name="account" label={t("jobs.account")}>
                <Select
                  allowClear
                  options={(who.data?.accounts ?? []).map((a) => ({
                    value: a.name,
                    label: a.name,
                  }))}
                />
              </Form.Item>
              <Space wrap>
                <Form.Item name="cluster" label={t("jobs.cluster")}>
                  <Select
                    allowClear
                    style={{ minWidth: 120 }}
                    options={[
                      ...(clusters.data ?? []).map((k) => ({ value: k.name, label: k.name })),
                      ...((clusters.data?.length ?? 0) > 1
                        ? [{ value: "any", label: t("jobs.anyCluster") }]
                        : []),
                    ]}
                  />
                </Form.Item>
                <Form.Item name="partition" label={t("jobs.partition")}>
                  <Select allowClear style={{ minWidth: 160 }} options={partitions} />
                </Form.Item>
                <Form.Item name="qos" label={t("submit.qos")}>
                  <Select
                    allowClear
                    style={{ minWidth: 110 }}
                    options={(qos.data ?? []).map((q) => ({ value: q.name, label: q.name }))}
                  />
                </Form.Item>
              </Space>
              <Space wrap>
                <Form.Item name="nodes" label={t("submit.nodes")}>
                  <Input style={{ width: 70 }} placeholder="1" />
                </Form.Item>
                <Form.Item name="ntasks" label={t("submit.tasks")}>
                  <InputNumber min={1} />
                </Form.Item>
                <Form.Item name="cpusPerTask" label={t("submit.cpusPerTask")}>
                  <InputNumber min={1} />
                </Form.Item>
                <Form.Item name="gpus" label={t("submit.gpus")}>
                  <Input style={{ width: 100 }} placeholder="a100:1" />
                </Form.Item>
              </Space>
              <Space wrap>
                <Form.Item name="mem" label={t("submit.mem")}>
                  <Input style={{ width: 100 }} placeholder="4G" />
                </Form.Item>
                <Form.Item name="time" label={t("submit.time")}>
                  <Input style={{ width: 120 }} placeholder="01:00:00" />
                </Form.Item>
                <Form.Item name="array" label={t("submit.array")}>
                  <Input style={{ width: 100 }} placeholder="1-10%4" />
                </Form.Item>
              </Space>
              <Form.Item name="output" label={t("submit.output")}>
                <Input placeholder="slurm-%j.out" />
              </Form.Item>
              <Form.Item name="workdir" label={t("submit.workdir")} extra={t("submit.workdirHelp")}>
                <Input />
              </Form.Item>
              <Form.Item
                name="dependency"
                label={t("submit.dependency")}
                extra={t("submit.dependencyHelp")}
              >
                <Input placeholder="afterok:123" />
              </Form.Item>
              <Form.Item
                name="mailType"
                label={t("submit.mail")}
                extra={t("submit.mailHelp")}
                // the script's "END,FAIL" is the select's two choices
                getValueProps={(v?: string) => ({ value: v ? v.split(",") : [] })}
                normalize={(v: string[]) => (v.length ? v.join(",") : undefined)}
              >
                <Select
                  mode="multiple"
                  allowClear
                  options={MAIL_TYPES.map((m) => ({ value: m, label: t(`submit.mails.${m}`) }))}
                />
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t("submit.script")}>
            <Suspense fallback={<pre>{script}</pre>}>
              <ScriptEditor
                value={script}
                onChange={setScript}
                label={t("submit.script")}
                problem={check && "error" in check ? check.problem : null}
              />
            </Suspense>
          </Card>
          <div role="status" aria-live="polite" style={{ margin: "16px 0" }}>
            {check && "error" in check && (
              <Alert type="error" showIcon title={check.error} data-testid="check" />
            )}
            {check && "ok" in check && (
              <Alert
                type="success"
                showIcon
                data-testid="check"
                title={t("submit.wouldRun", {
                  jobs: check.ok.jobs,
                  cpus: check.ok.cpus,
                  partition: check.ok.partition,
                  cluster: check.ok.cluster,
                  account: check.ok.account,
                  time:
                    check.ok.timeLimit === null
                      ? t("submit.noLimit")
                      : duration(check.ok.timeLimit),
                })}
                description={
                  <>
                    {t("submit.hold", { hold: check.ok.hold, currency: check.ok.currency })}
                    {check.ok.placement && (
                      <>
                        <div>{t("submit.placed", { cluster: check.ok.placement.chosen })}</div>
                        <PlacementList placement={check.ok.placement} chosen={false} />
                      </>
                    )}
                  </>
                }
              />
            )}
          </div>
          <Button
            type="primary"
            size="large"
            loading={sending}
            disabled={!!check && "error" in check}
            onClick={() => void submit()}
          >
            {t("submit.submit")}
          </Button>
        </Col>
      </Row>
    </>
  );
}
