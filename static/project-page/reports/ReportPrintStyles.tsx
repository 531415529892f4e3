/**
 * Print rules for the report viewer (issue 11), mounted only while a published report is open:
 * the browser prints the report alone, on A4 or Letter as the reader chooses — the section tabs,
 * toolbar, delivery and buttons are left out, folded lists are printed open, tables take the
 * page width and wrap their cells instead of scrolling (a scroll box would cut them off on
 * paper), rows and list items are not split across pages, and the text prints dark on white
 * whatever the theme. The HTML export has the same rules for its own markup.
 */
export function ReportPrintStyles() {
  return (
    <style>{`
@media print {
  @page { size: auto; margin: 14mm 12mm; }
  html, body { background: #fff !important; }
  main { padding: 0 !important; }
  .cf-tablist, .cf-reports-toolbar, .cf-reports-delivery, .cf-reports-print-hide, .cf-button, .cf-link-button, [role='status'], [role='alert'] { display: none !important; }
  [data-testid='reports-viewer'], [data-testid='reports-viewer'] * { color: #172b4d !important; background: transparent !important; box-shadow: none !important; }
  [data-testid='reports-viewer-body'] [hidden] { display: block !important; }
  [data-testid='reports-viewer-body'] .cf-disclosure { border: 0; padding: 0; font: inherit; }
  [data-testid='reports-viewer-body'] .cf-table-scroll { overflow: visible !important; }
  [data-testid='reports-viewer-body'] table { width: 100% !important; min-width: 0 !important; table-layout: auto; }
  [data-testid='reports-viewer-body'] thead { display: table-header-group; }
  [data-testid='reports-viewer-body'] th, [data-testid='reports-viewer-body'] td, [data-testid='reports-viewer-body'] li { overflow-wrap: anywhere; }
  [data-testid='reports-viewer-body'] tr, [data-testid='reports-viewer-body'] li { break-inside: avoid; page-break-inside: avoid; }
  [data-testid='reports-viewer-body'] h3, [data-testid='reports-viewer-body'] h4 { break-after: avoid; page-break-after: avoid; }
}
`}</style>
  );
}
