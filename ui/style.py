"""The chat page's stylesheet: readable answers and citations from a phone to a desktop."""

CSS = """
.gradio-container { max-width: 980px !important; margin: 0 auto; padding: 8px !important; }
.gradio-container * { min-width: 0; }
.eduqa-answer { line-height: 1.5; overflow-wrap: anywhere; word-break: break-word; }
.eduqa-answer p { margin: 0 0 .6em 0; }
.eduqa-answer .eduqa-marker { font-weight: 600; color: #1d4ed8; }
.eduqa-notfound { border: 2px solid #d97706; background: #fffbeb; color: #451a03;
  border-radius: 8px; padding: 10px 12px; }
.eduqa-notfound h3 { margin: 0 0 .4em 0; color: #b45309; font-size: 1.05em; }
.eduqa-found { border-left: 4px solid #16a34a; padding-left: 10px; }
.eduqa-citations { margin-top: .8em; }
.eduqa-citations h4 { margin: .2em 0 .4em 0; font-size: .95em; }
.eduqa-cite { border: 1px solid #d1d5db; border-radius: 8px; padding: 8px 10px; margin: 0 0 8px 0;
  background: #f9fafb; color: #111827; }
.eduqa-related .eduqa-cite { border-style: dashed; background: #fefce8; }
.eduqa-cite-head { font-size: .9em; }
.eduqa-cite-head strong { font-weight: 600; }
.eduqa-cite-head .eduqa-n { font-weight: 700; color: #1d4ed8; margin-right: 4px; }
.eduqa-meta { font-size: .82em; color: #4b5563; }
.eduqa-cite blockquote.eduqa-passage { margin: 6px 0 !important; padding: 4px 8px;
  border-left: 3px solid #9ca3af; white-space: pre-wrap; font-size: .9em; }
.eduqa-cite mark { background: #fde047; color: #111827; padding: 0 1px; }
.eduqa-cite details summary { cursor: pointer; font-size: .85em; color: #1d4ed8; }
.eduqa-full { white-space: pre-wrap; font-size: .85em; max-height: 22em; overflow: auto; }
.eduqa-original { font-size: .85em; margin: 2px 0 4px 0; }
.eduqa-original a { color: #1d4ed8; text-decoration: underline; }
#eduqa-chat { height: auto !important; min-height: 50vh; }
@media (max-width: 480px) {
  .gradio-container { padding: 4px !important; }
  .eduqa-cite { padding: 6px; }
  .eduqa-found { padding-left: 6px; }
  .eduqa-notfound { padding: 8px; }
}
"""
