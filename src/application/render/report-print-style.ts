/**
 * The HTML export's print rules, so the browser's "Print → Save as PDF" gives clean A4 and
 * Letter pages: the paper size is the reader's choice (`size: auto`, margins that suit both),
 * tables take the page width and wrap their cells instead of running off the page, a row or a
 * list item never splits across pages and a table's header repeats on each page, headings stay
 * with what follows them, and colours print as shown. Also on screen: a long word or key list
 * wraps inside its cell, so nothing overflows at 375 px either.
 */
import { html } from './safe-html';

// A literal template with no interpolation: trusted markup by construction.
export const PRINT_STYLE = html`<style>
  th,
  td,
  li,
  p {
    overflow-wrap: anywhere;
  }
  table {
    max-width: 100%;
  }
  @page {
    size: auto;
    margin: 14mm 12mm;
  }
  @media print {
    html,
    body {
      width: auto;
      max-width: none;
      margin: 0;
      padding: 0;
    }
    body {
      font-size: 10.5pt;
      line-height: 1.4;
    }
    h1,
    h2,
    h3 {
      break-after: avoid;
      page-break-after: avoid;
      break-inside: avoid;
    }
    table {
      width: 100%;
      table-layout: auto;
      border-collapse: collapse;
    }
    thead {
      display: table-header-group;
    }
    tr,
    li,
    .override,
    .headline {
      break-inside: avoid;
      page-break-inside: avoid;
    }
    th,
    td {
      overflow-wrap: anywhere;
      word-break: normal;
    }
    .key {
      white-space: normal;
    }
    a {
      color: inherit;
      text-decoration: none;
    }
    p,
    li {
      orphans: 2;
      widows: 2;
    }
  }
</style>`;
