// Where each warning's words are in the draft, and the draft drawn with those words marked.

/** Ranges [{start, end, warning}] of the draft, sorted, without overlaps. */
export function locate(draft, warnings) {
  const ranges = [];
  for (const w of warnings) {
    let start = -1;
    let end = -1;
    if (Number.isInteger(w.start) && Number.isInteger(w.end) && w.start >= 0 && w.end <= draft.length && w.start < w.end) {
      start = w.start;
      end = w.end;
    } else if (w.span) {
      start = draft.indexOf(w.span);
      if (start < 0) start = draft.toLocaleLowerCase().indexOf(w.span.toLocaleLowerCase());
      end = start < 0 ? -1 : start + w.span.length;
    }
    if (start >= 0) ranges.push({ start, end, warning: w });
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  for (const r of ranges) {
    const last = kept[kept.length - 1];
    if (last && r.start < last.end) {
      // overlapping words: keep one mark, the blocking warning if either blocks
      if (r.warning.severity === 'BLOCKING' && last.warning.severity !== 'BLOCKING') last.warning = r.warning;
      last.end = Math.max(last.end, r.end);
    } else {
      kept.push({ ...r });
    }
  }
  return kept;
}

/** Fills {@code target} with the draft's text, marked at the ranges (text nodes only: nothing is parsed as HTML). */
export function draw(target, draft, ranges) {
  target.replaceChildren();
  let at = 0;
  for (const r of ranges) {
    target.append(document.createTextNode(draft.slice(at, r.start)));
    const mark = document.createElement('mark');
    mark.className = r.warning.severity === 'BLOCKING' ? 'blocking' : 'caution';
    mark.dataset.code = r.warning.code || '';
    mark.textContent = draft.slice(r.start, r.end);
    target.append(mark);
    at = r.end;
  }
  // a final newline in a textarea takes a line; give the copy one too so the two stay aligned
  target.append(document.createTextNode(draft.slice(at) + '\n'));
}
