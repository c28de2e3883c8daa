import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Select, Space, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { cores, duration, STATE_COLOR, when, type Job } from "../jobs";
import { PageTitle } from "../parts/PageTitle";
import { lastDays, WindowPicker, type Window } from "../parts/WindowPicker";
import { jobsUpTo, MOST_JOBS, useAccounts } from "../queries";
import { navigate } from "../router";

const ENDED = ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY"];

/**
 * sacct's fields, each its value in a table cell and in the CSV: the one list the column
 * picker, the table and the export share. `text` is what the CSV gets.
 */
const FIELDS: Record<string, (j: Job, lang: string) => string> = {
  JobID: (j) => j.jobId,
  JobName: (j) => j.name,
  User: (j) => j.user,
  Account: (j) => j.account,
  Cluster: (j) => j.cluster,
  Partition: (j) => j.partition,
  QOS: (j) => j.qos,
  State: (j) => j.state,
  ExitCode: (j) => `${j.exitCode ?? 0}:${j.signal ?? 0}`,
  AllocCPUS: (j) => String(cores(j)),
  AllocTRES: (j) =>
    j.alloc?.gpus ? `cpu=${cores(j)},gres/gpu=${j.alloc.gpus}` : `cpu=${cores(j)}`,
  ReqMem: (j) => (j.alloc?.memMiB ? `${j.alloc.memMiB}M` : ""),
  MaxRSS: (j) => (j.maxRssMiB === null ? "" : `${j.maxRssMiB}M`),
  Submit: (j, l) => when(j.submitTime, l),
  Start: (j, l) => when(j.startTime, l),
  End: (j, l) => when(j.endTime, l),
  Elapsed: (j) => duration(j.elapsed),
  Timelimit: (j) => (j.timeLimit === null ? "UNLIMITED" : duration(j.timeLimit)),
  TotalCPU: (j) => duration(j.cpuSeconds),
  Cost: (j) => j.cost ?? "",
  WorkDir: (j) => j.workdir,
};
/** sacct's default fields, with what it cost. */
const DEFAULT_FIELDS = [
  "JobID",
  "JobName",
  "Partition",
  "Account",
  "AllocCPUS",
  "State",
  "ExitCode",
  "Elapsed",
  "Cost",
];

/** One CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180). */
const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** History: ended jobs over a window, with the sacct fields a person picks; CSV to take away. */
export default function History() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [range, setRange] = useState<Window>(() => lastDays(30));
  const [states, setStates] = useState<string[]>(ENDED);
  const [account, setAccount] = useState<string>();
  const [fields, setFields] = useState(DEFAULT_FIELDS);
  const accounts = useAccounts();
  const query = {
    from: range[0].toISOString(),
    to: range[1].toISOString(),
    state: (states.length ? states : ENDED).join(","),
    ...(account ? { account } : {}),
  };
  const jobs = useQuery({ queryKey: ["history", query], queryFn: () => jobsUpTo(query) });
  const columns = useMemo(
    () =>
      fields.map((f) => ({
        title: t(`history.field.${f}`),
        key: f,
        render: (_: unknown, j: Job) => {
          if (f === "JobID")
            return (
              <a
                href={`/jobs/${j.jobId}`}
                onClick={(e) => (e.preventDefault(), navigate(`/jobs/${j.jobId}`))}
              >
                {j.jobId}
              </a>
            );
          if (f === "State") return <Tag color={STATE_COLOR[j.state]}>{t(`state.${j.state}`)}</Tag>;
          return FIELDS[f]!(j, lang);
        },
      })),
    [fields, lang, t],
  );
  const csv = () => {
    const lines = [fields.join(",")];
    for (const j of jobs.data?.jobs ?? [])
      lines.push(fields.map((f) => cell(FIELDS[f]!(j, "en"))).join(","));
    download(
      `guang-history-${range[0].format("YYYYMMDD")}-${range[1].format("YYYYMMDD")}.csv`,
      `${lines.join("\r\n")}\r\n`,
      "text/csv;charset=utf-8",
    );
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("history.title")} />
      <Space wrap>
        <WindowPicker value={range} onChange={setRange} label={t("history.window")} />
        <Select
          mode="multiple"
          aria-label={t("jobs.filterState")}
          style={{ minWidth: 260 }}
          value={states}
          onChange={setStates}
          options={ENDED.map((s) => ({ value: s, label: t(`state.${s}`) }))}
        />
        <Select
          allowClear
          aria-label={t("jobs.account")}
          placeholder={t("jobs.account")}
          style={{ minWidth: 150 }}
          value={account}
          onChange={setAccount}
          options={(accounts.data ?? []).map((a) => ({ value: a.name, label: a.name }))}
        />
        <Button onClick={csv} disabled={!jobs.data?.jobs.length} data-testid="csv">
          {t("history.csv")}
        </Button>
      </Space>
      <Select
        mode="multiple"
        aria-label={t("history.fields")}
        style={{ width: "100%" }}
        value={fields}
        onChange={(v: string[]) => setFields(v.length ? v : DEFAULT_FIELDS)}
        options={Object.keys(FIELDS).map((f) => ({ value: f, label: t(`history.field.${f}`) }))}
      />
      {jobs.error && <Alert type="error" showIcon title={jobs.error.message} />}
      {jobs.data?.more && (
        <Alert type="info" showIcon title={t("history.most", { count: MOST_JOBS })} />
      )}
      <Table<Job>
        size="small"
        rowKey="id"
        loading={jobs.isPending}
        dataSource={jobs.data?.jobs ?? []}
        columns={columns}
        scroll={{ x: true }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t("jobs.none") }}
      />
    </Space>
  );
}
