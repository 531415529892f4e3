import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe in the frame (WCAG 2.1 A/AA and best practices) and answers the violations, by rule
 * and target, with how many rules passed (a clean result means something only if rules ran).
 */
export async function axeResults(frame: Frame): Promise<{ violations: string[]; passes: number }> {
  await frame.evaluate(AXE_SOURCE);
  const { violations, passes } = await frame.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[]; passes: unknown[] };
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const page = (globalThis as unknown as { document: unknown }).document;
    const result = await axe.run(page, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return { violations: result.violations, passes: result.passes.length };
  });
  return {
    violations: violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`)),
    passes,
  };
}

/** How far the frame's page scrolls sideways (0 when it fits its width). */
export function horizontalOverflow(frame: Frame): Promise<number> {
  return frame.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
      .documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}
