/** The messages Guang sends, in Chinese and English; `{name}` is replaced by the value given. */
const TEMPLATES = {
  "job-begin": {
    en: {
      subject: "Guang job {job} ({name}) began",
      text: "Your job {job} ({name}) in account {account} began running at {time} on {node}.",
    },
    zh: {
      subject: "光：作业 {job}（{name}）已开始",
      text: "您在账户 {account} 中的作业 {job}（{name}）已于 {time} 在 {node} 上开始运行。",
    },
  },
  "job-end": {
    en: {
      subject: "Guang job {job} ({name}) ended: {state}",
      text: "Your job {job} ({name}) in account {account} ended at {time}: {state}, exit code {exit}, run time {elapsed}, cost {cost}.",
    },
    zh: {
      subject: "光：作业 {job}（{name}）已结束：{state}",
      text: "您在账户 {account} 中的作业 {job}（{name}）已于 {time} 结束：{state}，退出码 {exit}，运行时长 {elapsed}，费用 {cost}。",
    },
  },
  blocked: {
    en: {
      subject: "Guang account {account} is blocked: its money is below {level}",
      text: "Account {account} can spend {available}, below its threshold of {level}. New and waiting jobs wait (AccountBlocked); running jobs go on. It is unblocked as soon as money is moved to it.",
    },
    zh: {
      subject: "光：账户 {account} 已因余额不足被冻结（低于 {level}）",
      text: "账户 {account} 可用余额为 {available}，低于阈值 {level}。新提交和排队中的作业将保持等待（AccountBlocked），运行中的作业不受影响。充值后立即解冻。",
    },
  },
  unblocked: {
    en: {
      subject: "Guang account {account} is unblocked",
      text: "Account {account} can spend {available} again, above its threshold of {level}; its waiting jobs can start.",
    },
    zh: {
      subject: "光：账户 {account} 已解冻",
      text: "账户 {account} 可用余额为 {available}，已高于阈值 {level}；排队中的作业可以开始运行。",
    },
  },
  "low-balance": {
    en: {
      subject: "Guang account {account} is low on money: {available}",
      text: "Account {account} can spend {available}, below the warning level of {level}. Ask your institution's finance to move money to it before it runs out.",
    },
    zh: {
      subject: "光：账户 {account} 余额不足：{available}",
      text: "账户 {account} 可用余额为 {available}，已低于提醒额度 {level}。请联系所在单位的财务人员及时充值。",
    },
  },
  "grant-expired": {
    en: {
      subject: "Guang account {account}: a grant of {resource} hours ended",
      text: "The grant of {resource} hours to account {account} ended at {ends}; {left} hours of it were left unused and have expired. Jobs now use the account's money.",
    },
    zh: {
      subject: "光：账户 {account} 的{resource}配额已到期",
      text: "账户 {account} 的{resource}配额已于 {ends} 到期，剩余 {left} 小时未使用，已作废。此后作业将从账户余额中扣费。",
    },
  },
  "storage-soft": {
    en: {
      subject: "Guang: {what} is over its storage quota",
      text: "{what} ({path}) holds {used}, over its soft quota of {soft}. Please delete or move what is no longer needed: over the hard quota of {hard}, new jobs are refused.",
    },
    zh: {
      subject: "光：{what}的存储用量已超过软配额",
      text: "{what}（{path}）已使用 {used}，超过软配额 {soft}。请删除或迁移不再需要的文件：超过硬配额 {hard} 后，新作业将被拒绝。",
    },
  },
  statement: {
    en: {
      subject: "Guang statement of {of} {name} for {month}",
      text: "The statement of {of} {name} for {month} is attached, as a page to print (HTML) and as a table (CSV). Closing balance: {closing}.",
    },
    zh: {
      subject: "光：{of} {name} {month} 对账单",
      text: "附件为{of} {name} {month} 的对账单：可打印的网页（HTML）和表格（CSV）。期末余额：{closing}。",
    },
  },
  "application-new": {
    en: {
      subject: 'Guang: {applicant} applies for {what} "{title}"',
      text: '{applicant} applied for {what} "{title}" ({number}). Open the portal\'s Applications page to approve it, reject it or ask for changes.',
    },
    zh: {
      subject: "光：{applicant} 申请{what}“{title}”",
      text: "{applicant} 提交了{what}申请“{title}”（{number}）。请在门户的“申请”页面批准、驳回或要求修改。",
    },
  },
  "application-decided": {
    en: {
      subject: 'Guang: your application "{title}" is {state}',
      text: 'Your application "{title}" ({number}) is {state} by {by}. {note}',
    },
    zh: {
      subject: "光：您的申请“{title}”{state}",
      text: "您的申请“{title}”（{number}）已由 {by} {state}。{note}",
    },
  },
} as const;

export type TemplateName = keyof typeof TEMPLATES;

export function render(
  name: TemplateName,
  lang: "zh" | "en",
  vars: Record<string, string | number>,
): { subject: string; text: string } {
  const t = TEMPLATES[name][lang];
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? `{${k}}`));
  return { subject: fill(t.subject), text: fill(t.text) };
}
