import { DatePicker } from "antd";
import dayjs, { type Dayjs } from "dayjs";

/** A window of whole days: from the first day's start to the last day's end. */
export type Window = [Dayjs, Dayjs];

/** The last `days` days, today included. */
export function lastDays(days: number): Window {
  return [dayjs().subtract(days, "day").startOf("day"), dayjs().endOf("day")];
}

/** The pages' time window: two days picked, whole days meant. */
export function WindowPicker({
  value,
  onChange,
  label,
}: {
  value: Window;
  onChange: (w: Window) => void;
  label: string;
}) {
  return (
    <DatePicker.RangePicker
      aria-label={label}
      value={value}
      allowClear={false}
      onChange={(v) => v?.[0] && v[1] && onChange([v[0].startOf("day"), v[1].endOf("day")])}
    />
  );
}
