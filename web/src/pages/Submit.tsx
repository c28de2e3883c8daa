import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../api";
import { duration } from "../jobs";
import { useClusters } from "../queries";
import { navigate } from "../router";
import { fieldsOf, scriptWith, TEMPLATES, type FormFields } from "../script";
import { useWhoami } from "../session";

/** How long typing rests before the dry run checks the script. */
const CHECK_AFTER_MS = 400;

type Check = Awaited<ReturnType<typeof checkScript>>;

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
  const [check, setCheck] = useState<{ ok: Check } | { error: string } | null>(null);
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
        (e: Error) => setCheck({ error: e.message }),
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
      setCheck({ error: (e as Error).message });
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <Typography.Title level={2}>{t("submit.title")}</Typography.Title>
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
              <Form.Item name="partition" label={t("jobs.partition")}>
                <Select allowClear options={partitions} />
              </Form.Item>
              <Space wrap>
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
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t("submit.script")}>
            <Input.TextArea
              aria-label={t("submit.script")}
              data-testid="script"
              value={script}
              onChange={(e) => setScript(e.target.value)}
              autoSize={{ minRows: 16, maxRows: 32 }}
              spellCheck={false}
              style={{ fontFamily: "monospace" }}
            />
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
                description={t("submit.hold", { hold: check.ok.hold, currency: check.ok.currency })}
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
