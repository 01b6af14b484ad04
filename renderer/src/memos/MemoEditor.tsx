/**
 * The memo editor: Lexical rich text with bold, italic and lists (Ctrl+B, Ctrl+I, the toolbar),
 * its own undo (Ctrl+Z inside the memo undoes typing, not coding). Reports every change as the
 * editor state's JSON plus its plain text (for search).
 */
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListItemNode, ListNode } from '@lexical/list';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getRoot, FORMAT_TEXT_COMMAND, type EditorState } from 'lexical';
import { useRef } from 'react';
import { shortcut } from '../format/keys';

interface MemoEditorProps {
  /** Lexical JSON, or '' for an empty memo. Read once, when the editor mounts. */
  initialBody: string;
  label: string;
  onChange: (body: string, text: string) => void;
}

export function MemoEditor({ initialBody, label, onChange }: MemoEditorProps) {
  const config = {
    namespace: 'focal-memo',
    nodes: [ListNode, ListItemNode],
    theme: { text: { bold: 'memo-bold', italic: 'memo-italic' }, list: { ul: 'memo-ul', ol: 'memo-ol', listitem: 'memo-li' }, paragraph: 'memo-p' },
    editorState: initialBody || undefined,
    onError: (e: Error) => console.error('Memo editor:', e),
  };
  const first = useRef(true);
  const changed = (state: EditorState) => {
    // OnChangePlugin also fires for the initial state; that is not an edit.
    if (first.current) {
      first.current = false;
      if (initialBody) return;
    }
    onChange(JSON.stringify(state.toJSON()), state.read(() => $getRoot().getTextContent()));
  };
  return (
    <LexicalComposer initialConfig={config}>
      <div className="memo-editor">
        <Toolbar />
        <RichTextPlugin
          contentEditable={<ContentEditable className="memo-content" aria-label={label} />}
          placeholder={<div className="memo-placeholder">Write your memo… (Ctrl+B bold, Ctrl+I italic)</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <AutoFocusPlugin />
        <ListPlugin />
        <OnChangePlugin onChange={changed} ignoreSelectionChange />
      </div>
    </LexicalComposer>
  );
}

function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="memo-toolbar" role="toolbar" aria-label="Formatting">
      <button type="button" className="button button-small button-ghost" onMouseDown={keep} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')} aria-label="Bold" title={`Bold (${shortcut('b')})`}>
        <strong>B</strong>
      </button>
      <button type="button" className="button button-small button-ghost" onMouseDown={keep} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')} aria-label="Italic" title={`Italic (${shortcut('i')})`}>
        <em>I</em>
      </button>
      <button type="button" className="button button-small button-ghost" onMouseDown={keep} onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)} aria-label="Bulleted list" title="Bulleted list">
        • List
      </button>
      <button type="button" className="button button-small button-ghost" onMouseDown={keep} onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)} aria-label="Numbered list" title="Numbered list">
        1. List
      </button>
    </div>
  );
}
