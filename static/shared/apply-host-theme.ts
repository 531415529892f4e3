import { view } from '@forge/bridge';

/**
 * Follows the host's theme. `view.theme.enable()` asks the product to apply its active
 * theme (the design-token CSS and the `data-color-mode` attribute) inside the iframe and to
 * keep it in sync when the user switches. The app only uses `token()` CSS variables, so it
 * loads no theme CSS of its own — which also keeps the issue panel within its size budget.
 * Theming is cosmetic: a failure leaves the token fallbacks (light) in place.
 */
export async function applyHostTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // Fallback colours are a readable page; nothing to tell the user.
  }
}
