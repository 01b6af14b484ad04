/** The top bar's kaupapa Māori actions: a frame from a template, and the glossary. */
import { useState } from 'react';
import { FrameTemplatesDialog } from '../frames/FrameTemplatesDialog';
import { GlossaryDialog } from '../glossary/GlossaryDialog';

export function TikangaActions() {
  const [open, setOpen] = useState<'templates' | 'glossary' | null>(null);
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen('templates')} title="Create a kaupapa Māori code frame from a template (Te Whare Tapa Whā, Te Wheke, …)">
        Kaupapa Māori frame…
      </button>
      <button type="button" className="button button-small" onClick={() => setOpen('glossary')} title="The project's glossary of te reo Māori terms">
        Glossary
      </button>
      {open === 'templates' && <FrameTemplatesDialog onClose={() => setOpen(null)} />}
      {open === 'glossary' && <GlossaryDialog onClose={() => setOpen(null)} />}
    </>
  );
}
