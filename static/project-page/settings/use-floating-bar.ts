import { useEffect, useState, type RefObject } from 'react';

/** Probes are this tall; each reports its visible part in steps of PROBE_STEP_PX. */
const PROBE_PX = 200;
const PROBE_STEP_PX = 4;
const PROBE_THRESHOLDS = Array.from({ length: PROBE_PX / PROBE_STEP_PX + 1 }, (_, i) => (i * PROBE_STEP_PX) / PROBE_PX);

export interface FloatingBarParts {
  /** What the bar belongs to; the bar sits at its end. */
  area: RefObject<HTMLElement | null>;
  /** An empty, absolutely placed element over the height of `area`, for the probes. */
  probes: RefObject<HTMLElement | null>;
  /** The bar's place in the page: keeps the bar's height while the bar floats, so nothing moves. */
  slot: RefObject<HTMLElement | null>;
  bar: RefObject<HTMLElement | null>;
}

/**
 * Keeps `bar` at the bottom of what the user sees of `area` while `active` and the end of `area`
 * (where the bar sits) is out of sight: answers whether the bar floats, and sets its `bottom`.
 *
 * Why not `position: sticky`: Forge grows a module's frame to its content, so the product page
 * scrolls and the frame never does; sticky or fixed positions inside the frame never move. An
 * IntersectionObserver without a root measures against the top-level viewport, through the
 * frame, even across origins, and reports the visible rectangle in the frame's coordinates. A
 * target taller than the viewport keeps the same visible share while it scrolls (no report), so
 * `probes` is filled with short transparent strips over the height of `area`: the strip across
 * the bottom edge of the viewport reports every few pixels of scrolling. Without
 * IntersectionObserver (or server-side) the bar never floats.
 */
export function useFloatingBar({ area, probes, slot, bar }: FloatingBarParts, active: boolean): boolean {
  const [floating, setFloating] = useState(false);

  useEffect(() => {
    const areaElement = area.current;
    const probesElement = probes.current;
    const slotElement = slot.current;
    const barElement = bar.current;
    if (!active || areaElement === null || probesElement === null || slotElement === null || barElement === null) return undefined;
    if (typeof IntersectionObserver === 'undefined') return undefined;

    let isFloating = false;
    const float = (on: boolean) => {
      if (on === isFloating) return;
      slotElement.style.minHeight = on ? `${String(barElement.offsetHeight)}px` : '';
      isFloating = on;
      setFloating(on);
    };
    /** The visible bottom of each strip that is in sight, in this document's viewport coordinates. */
    const visible = new Map<Element, number>();
    const place = () => {
      if (visible.size === 0) {
        float(false);
        return;
      }
      const visibleBottom = Math.max(...visible.values());
      const cut = visibleBottom < areaElement.getBoundingClientRect().bottom - 1;
      // A report can lag by one step: the floating bar's bottom padding is that much deeper
      // (see SettingsStyles), so a lag hides padding, not buttons, and shows no page below it.
      if (cut) barElement.style.bottom = `${String(Math.max(0, window.innerHeight - visibleBottom))}px`;
      float(cut);
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) visible.set(entry.target, entry.intersectionRect.bottom);
          else visible.delete(entry.target);
        }
        place();
      },
      { threshold: PROBE_THRESHOLDS },
    );
    const layOut = () => {
      const count = Math.max(1, Math.ceil(areaElement.offsetHeight / PROBE_PX));
      if (probesElement.childElementCount === count) return;
      observer.disconnect();
      visible.clear();
      probesElement.replaceChildren(
        ...Array.from({ length: count }, (_, i) => {
          const strip = document.createElement('div');
          strip.style.cssText = `position:absolute;left:0;width:1px;top:${String(i * PROBE_PX)}px;height:${String(PROBE_PX)}px`;
          return strip;
        }),
      );
      for (const strip of probesElement.children) observer.observe(strip);
    };
    layOut();
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(layOut);
    resized?.observe(areaElement);
    // The bar's `bottom` counts from the frame's bottom: when the frame grows to its content
    // (a list opens) no strip need change its visible part, so no report comes; place it again.
    window.addEventListener('resize', place);

    return () => {
      window.removeEventListener('resize', place);
      resized?.disconnect();
      observer.disconnect();
      probesElement.replaceChildren();
      float(false);
    };
  }, [area, probes, slot, bar, active]);

  return active && floating;
}
