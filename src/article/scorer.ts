// A one-pass content scorer (the Readability/Arc90 scheme, simplified), used before Readability.
//
// Why our own: Readability re-walks the DOM many times (visibility, DIV→P rewrites, conditional
// cleaning with repeated textContent), which made it half of the extraction time. Here a single
// bottom-up pass measures every element's text and link text; paragraphs give points to their
// parent (full) and grandparent (half), weighted by class/id hints; the best container wins, with
// its sibling paragraphs. Readability remains the fallback when this finds too little text.

export interface Stats {
  /** characters of text inside the element (whitespace collapsed, approximately) */
  text: number;
  /** characters of that text inside <a> */
  link: number;
}

const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text/i;
const NEGATIVE = /banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|nav|menu|breadcrumb|teaser|card|recirc|newsletter|byline|author|caption/i;
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'form', 'button', 'select', 'textarea', 'iframe', 'head', 'footer', 'aside', 'header']);
const PARA_TAGS = new Set(['p', 'pre', 'blockquote', 'td']);

export function classWeight(el: Element): number {
  const s = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (s.length < 2) return 0;
  let w = 0;
  if (NEGATIVE.test(s)) w -= 25;
  if (POSITIVE.test(s)) w += 25;
  return w;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case 'div': case 'article': case 'section': case 'main': return 5;
    case 'pre': case 'td': case 'blockquote': return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5;
    default: return 0;
  }
}

export interface ScoreResult {
  /** the chosen elements, in document order (the top container and qualifying siblings) */
  nodes: Element[];
  stats: Map<Element, Stats>;
  textLength: number;
}

export function scoreContent(root: Element): ScoreResult | null {
  const stats = new Map<Element, Stats>();
  const scores = new Map<Element, number>();
  const paras: [Element, number][] = [];

  // Bottom-up text measurement; collects paragraph-like elements with their own text length.
  const measure = (el: Element, inLink: boolean): Stats => {
    let text = 0, link = 0, direct = 0;
    const isLink = inLink || el.localName === 'a';
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        let n = v.length;
        if (n && (v.charCodeAt(0) <= 32 || v.charCodeAt(n - 1) <= 32)) n = v.trim().length;
        text += n;
        direct += n;
        if (isLink) link += n;
      } else if (c.nodeType === 1) {
        const ce = c as Element;
        if (SKIP_TAGS.has(ce.localName)) continue;
        const s = measure(ce, isLink);
        text += s.text;
        link += s.link;
      }
    }
    const s = { text, link };
    stats.set(el, s);
    const tag = el.localName;
    // A paragraph: <p>/<pre>/<blockquote>/<td>.
    // Any other element carrying 80+ characters of its own text (<td>/<font>/<span> with <br>-separated
    // lines on older pages) is a paragraph too.
    if (PARA_TAGS.has(tag) && text >= 25) paras.push([el, text]);
    else if (direct >= 80 && tag !== 'a') paras.push([el, direct]);
    return s;
  };
  measure(root, false);

  for (const [p, len] of paras) {
    const st = stats.get(p)!;
    if (st.link > 0.5 * st.text) continue;
    const txt = p.textContent ?? '';
    const score = 1 + (txt.split(/[,，、]/).length - 1) + Math.min(Math.floor(len / 100), 3);
    let anc = p.parentElement;
    for (let level = 0; anc && level < 5; level++, anc = anc.parentElement) {
      if (!scores.has(anc)) scores.set(anc, tagWeight(anc.localName) + classWeight(anc));
      scores.set(anc, scores.get(anc)! + score / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    }
  }
  let top: Element | null = null;
  let topScore = -Infinity;
  for (const [el, sc] of scores) {
    const st = stats.get(el);
    if (!st || !st.text) continue;
    const f = sc * (1 - st.link / st.text);
    scores.set(el, f);
    if (f > topScore) {
      topScore = f;
      top = el;
    }
  }
  if (!top) return null;
  // Split bodies (one container per section): when several near-top candidates share an ancestor
  // with the top one, that ancestor is the article (Readability's "alternative candidates" rule).
  const alts: Element[] = [];
  for (const [el, sc] of scores) if (el !== top && sc >= topScore * 0.75) alts.push(el);
  if (alts.length >= 3) {
    for (let anc = top.parentElement; anc && anc !== root.parentElement; anc = anc.parentElement) {
      let n = 0;
      for (const a of alts) if (anc.contains(a)) n++;
      if (n >= 3) {
        top = anc;
        break;
      }
    }
  }
  // Scores rising again a few steps up the tree mean more content to unify (Readability's rule).
  {
    let last = topScore;
    const floor = topScore / 3;
    for (let anc = top.parentElement; anc && anc !== root; anc = anc.parentElement) {
      const sc = scores.get(anc);
      if (sc == null) continue;
      if (sc < floor) break;
      if (sc > last) {
        top = anc;
        break;
      }
      last = sc;
    }
  }
  // Coverage: the article holds most of the page's clean paragraph text. If the pick holds under
  // 60% of it, climb to the nearest ancestor that holds 60% (slideshows, per-section containers).
  // (a paragraph inside a list item is a teaser's summary, not story text to reach for)
  const good = paras.filter(([p]) => p.localName === 'p' && stats.get(p)!.text >= 40 && stats.get(p)!.link < 0.3 * stats.get(p)!.text && !p.closest('li'));
  const goodTotal = good.reduce((n, [p]) => n + stats.get(p)!.text, 0);
  const covered = (el: Element) => good.reduce((n, [p]) => n + (el.contains(p) ? stats.get(p)!.text : 0), 0);
  if (goodTotal > 0 && covered(top) < 0.6 * goodTotal) {
    for (let anc = top.parentElement; anc && anc !== root.parentElement; anc = anc.parentElement) {
      if (covered(anc) >= 0.6 * goodTotal) {
        const st = stats.get(anc)!;
        if (st.link < 0.4 * st.text) top = anc;
        break;
      }
    }
  }
  // A container whose only real child is the top candidate is the same thing; climbing to it lets
  // sibling sections (split article bodies) join. Stop where the parent has much more text.
  for (let parent = top.parentElement; parent && parent !== root.parentElement; parent = parent.parentElement) {
    const ps = stats.get(parent);
    const ts = stats.get(top)!;
    if (!ps || ps.text > ts.text * 1.25) break;
    top = parent;
  }

  // Siblings: well-scored containers and clean paragraphs next to the top candidate.
  const nodes: Element[] = [];
  const parent = top.parentElement;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.getAttribute('class') ?? '';
  for (let c = parent ? parent.firstElementChild : top; c; c = parent ? c.nextElementSibling : null) {
    if (c === top) nodes.push(c);
    else {
      const st = stats.get(c);
      if (!st || !st.text) continue;
      const ld = st.link / st.text;
      let bonus = 0;
      if (topClass && c.getAttribute('class') === topClass) bonus += topScore * 0.2;
      const sc = (scores.get(c) ?? -Infinity) + bonus;
      if (sc >= threshold) nodes.push(c);
      else if (c.localName === 'p' && ((st.text > 80 && ld < 0.25) || (st.text > 0 && st.text <= 80 && ld === 0 && /\.( |$)/.test(c.textContent ?? '')))) nodes.push(c);
    }
    if (!parent) break;
  }
  const textLength = nodes.reduce((n, el) => n + (stats.get(el)?.text ?? 0), 0);
  return { nodes, stats, textLength };
}

/**
 * Junk inside the chosen container: link lists and widgets (mostly link text), and containers whose
 * class says furniture, when they are small next to the article.
 */
export function isJunk(el: Element, stats: Map<Element, Stats>): boolean {
  const st = stats.get(el);
  const tag = el.localName;
  // Never measured = a header/footer/aside/nav/form the scorer skipped: furniture here too.
  if (!st) return SKIP_TAGS.has(tag);
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (st.text === 0) return false;
  const ld = st.link / st.text;
  if ((tag === 'ul' || tag === 'ol') && ld > 0.6 && st.text < 600) return true;
  if ((tag === 'div' || tag === 'section' || tag === 'table') && ld > 0.5 && st.text < 1000) return true;
  if ((tag === 'div' || tag === 'section') && classWeight(el) < 0 && st.text < 400) return true;
  return false;
}
