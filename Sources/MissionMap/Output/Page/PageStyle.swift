/// The page's own stylesheet (the map brings its own, scoped to `.mm-map`). Its classes start
/// with `pg-` so that they never meet the map's.
enum PageStyle {
    static let css = """
    :root{color-scheme:light;--pg-text:#1a1a1a;--pg-muted:#555;--pg-line:#d0d0d0;--pg-accent:#0072b2;--pg-focus:#d55e00}
    body{margin:0 auto;max-width:1240px;padding:16px 20px 40px;font:16px/1.45 "DejaVu Sans",system-ui,sans-serif;color:var(--pg-text);background:#fff}
    h1{font-size:1.6rem;margin:0 0 4px}
    h2{font-size:1.15rem;margin:24px 0 8px}
    .pg-header p,.pg-small{color:var(--pg-muted);font-size:.9rem;margin:4px 0}
    .pg-notice{background:#fff4d6;border:1px solid #e0c060;padding:6px 10px}
    .pg-controls{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;margin:14px 0 6px}
    .pg-controls[hidden]{display:none}
    .pg-controls button{font:inherit;padding:6px 12px;border:1px solid var(--pg-accent);border-radius:4px;background:#fff;color:var(--pg-accent);cursor:pointer}
    .pg-controls button[aria-pressed="true"]{background:var(--pg-accent);color:#fff}
    .pg-controls input[type=range]{flex:1 1 320px;min-width:200px;accent-color:var(--pg-accent)}
    .pg-controls input[type=date]{font:inherit;padding:3px 6px}
    :focus-visible{outline:3px solid var(--pg-focus);outline-offset:2px}
    .pg-date{font-size:1.25rem;font-weight:700;margin:8px 0}
    #pg-where{font-weight:400;color:var(--pg-muted);font-size:1rem}
    .pg-figures{display:flex;flex-wrap:wrap;gap:10px;margin:6px 0 12px}
    .pg-figure{border:1px solid var(--pg-line);border-radius:6px;padding:6px 14px;min-width:120px}
    .pg-number{display:block;font-size:1.8rem;font-weight:700;line-height:1.1}
    .pg-what{color:var(--pg-muted);font-size:.9rem}
    .pg-map{margin:0}
    .pg-map svg{display:block;width:100%;height:auto}
    .pg-off{display:none}
    table{border-collapse:collapse;width:100%;font-size:.92rem}
    th,td{border-bottom:1px solid var(--pg-line);padding:4px 8px;text-align:right;vertical-align:bottom}
    th:first-child,td:first-child{text-align:left}
    tbody tr:last-child th,tbody tr:last-child td{font-weight:700;border-top:2px solid var(--pg-text)}
    .pg-notes{color:var(--pg-muted);font-size:.88rem;padding-left:20px}
    .pg-changes ul{padding-left:20px}
    .pg-changes li{margin:3px 0}
    .pg-changes time{font-variant-numeric:tabular-nums;color:var(--pg-muted)}
    a{color:var(--pg-accent)}
    """
}
