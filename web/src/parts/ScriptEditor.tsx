import { StreamLanguage } from "@codemirror/language";
import { shell } from "@codemirror/legacy-modes/mode/shell";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorView, basicSetup } from "codemirror";
import { useEffect, useRef } from "react";

/** A refusal of the dry run, on the line of the script that caused it. */
export interface LineProblem {
  line: number;
  message: string;
}

/**
 * The batch script in CodeMirror: shell colouring, line numbers, and the dry run's refusal
 * marked on its line (with the API's own words as the mark's message). Controlled: the form
 * rewrites the script, and what is typed goes back through onChange.
 */
export default function ScriptEditor({
  value,
  onChange,
  problem,
  label,
}: {
  value: string;
  onChange: (script: string) => void;
  problem: LineProblem | null;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    view.current = new EditorView({
      parent: box.current!,
      doc: value,
      extensions: [
        basicSetup,
        StreamLanguage.define(shell),
        lintGutter(),
        EditorView.contentAttributes.of({ "aria-label": label, "data-testid": "script" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) changed.current(u.state.doc.toString());
        }),
        EditorView.theme({ "&": { minHeight: "320px" }, ".cm-scroller": { fontSize: "13px" } }),
      ],
    });
    return () => view.current?.destroy();
    // made once; later values arrive through the effect below
  }, []);
  useEffect(() => {
    const v = view.current!;
    const now = v.state.doc.toString();
    if (now !== value) v.dispatch({ changes: { from: 0, to: now.length, insert: value } });
  }, [value]);
  useEffect(() => {
    const v = view.current!;
    const doc = v.state.doc;
    const diagnostics =
      problem && problem.line >= 1 && problem.line <= doc.lines
        ? [
            {
              from: doc.line(problem.line).from,
              to: doc.line(problem.line).to,
              severity: "error" as const,
              message: problem.message,
            },
          ]
        : [];
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [problem, value]);
  return <div ref={box} style={{ border: "1px solid #d9d9d9", borderRadius: 6 }} />;
}
