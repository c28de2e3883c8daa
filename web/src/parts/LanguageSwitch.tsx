import { Segmented } from "antd";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { setLang, type Lang } from "../i18n";

/** 中文 | English, on every page (the sign-in page included); the choice is remembered. */
export function LanguageSwitch({ style }: { style?: CSSProperties }) {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Lang>
      aria-label={t("lang.label")}
      value={i18n.language as Lang}
      onChange={setLang}
      options={[
        { value: "zh", label: "中文" },
        { value: "en", label: "English" },
      ]}
      style={style}
    />
  );
}
