import { Modal } from "antd";
import { useTranslation } from "react-i18next";

const IMAGE = /\.(png|jpe?g|gif|webp)$/i;
const PDF = /\.pdf$/i;

/** Whether the browser can show this file in place (the server sends only these inline). */
export const previewable = (name: string) => IMAGE.test(name) || PDF.test(name);

/** An image or a PDF shown in place, as the center sends it (inline, framed by the portal only). */
export function FilePreview({ path, onClose }: { path: string; onClose: () => void }) {
  const { t } = useTranslation();
  const name = path.split("/").pop() ?? path;
  const src = `/api/v1/files/content?${new URLSearchParams({ path, inline: "true" })}`;
  return (
    <Modal open title={name} footer={null} width="80vw" onCancel={onClose}>
      {IMAGE.test(name) ? (
        <img src={src} alt={t("files.previewOf", { name })} style={{ maxWidth: "100%" }} />
      ) : (
        <iframe
          src={src}
          title={t("files.previewOf", { name })}
          style={{ width: "100%", height: "75vh", border: 0 }}
        />
      )}
    </Modal>
  );
}
