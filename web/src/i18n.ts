import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./locales/en";
import { zh } from "./locales/zh";

export type Lang = "en" | "zh";
const LANG_KEY = "guang.lang";

/** The language chosen before (remembered in this browser), else the browser's own. */
function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === "en" || saved === "zh") return saved;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, zh: { translation: zh } },
  lng: initialLang(),
  // a missing string shows its key, so that a test finds it, rather than the other language
  fallbackLng: false,
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language === "zh" ? "zh-CN" : "en";

export function setLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  void i18n.changeLanguage(lang);
}
