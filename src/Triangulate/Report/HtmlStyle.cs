namespace Triangulate.Report;

/// <summary>The style sheet of the HTML report and the web app: system fonts, contrast of at least 4.5:1, readable printed.</summary>
public static class HtmlStyle
{
    /// <summary>The CSS, inlined into reports and served by the web app.</summary>
    public const string Css = """
        :root{--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--line:#c8c8c8;--accent:#0b5cad;--mark:#ffe066;--ok:#17663a;--one:#8a5a00;--bad:#b00020}
        *{box-sizing:border-box}
        body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0}
        header.site,main,footer.site{max-width:64rem;margin:0 auto;padding:0 1rem}
        header.site{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;border-bottom:1px solid var(--line);padding:.5rem 1rem}
        header.site a{color:var(--accent)}
        nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:0;padding:0}
        a{color:var(--accent)}
        a:focus,button:focus,input:focus,select:focus{outline:3px solid #f5a623;outline-offset:2px}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
        td,th{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f2f2f2}
        .table-wrap{overflow-x:auto}
        mark{background:var(--mark);color:#000;padding:0 .1em}
        mark.active{outline:3px solid var(--bad)}
        mark.ev-figure{background:#ffe066}mark.ev-status{background:#bfe3ff}mark.ev-event{background:#c8f0c8}mark.ev-statement{background:#e6d9ff}mark.ev-quote{background:#ffd1e0}mark.ev-date{background:#ffd8a8}mark.ev-entity{background:#ececec}
        a.ev{color:inherit;text-decoration:none}a.ev:hover mark,a.ev:focus mark{outline:2px solid var(--accent)}
        blockquote,.excerpt{margin:.25rem 0;padding:.25rem .75rem;border-left:4px solid var(--line);color:var(--fg)}
        .muted,.tick{color:var(--muted);fill:var(--muted);font-size:12px}
        .verdict{font-weight:600;padding:0 .35em;border-radius:3px;border:1px solid currentColor;white-space:nowrap}
        .corroborated{color:var(--ok)}.single-source{color:var(--one)}.contested{color:var(--bad)}
        svg.chart{width:100%;height:auto;max-width:40rem;display:block;margin:.5rem 0}
        .axis{stroke:var(--muted);stroke-width:1}.line{fill:none;stroke:var(--accent);stroke-width:2}.range{stroke:var(--accent);stroke-width:3}
        .dot{stroke:#fff;stroke-width:1.5}.dot.corroborated{fill:var(--ok)}.dot.single-source{fill:var(--one)}.dot.contested{fill:var(--bad)}
        .mark{fill:var(--accent)}.label{font-size:12px;fill:var(--fg)}
        .node{fill:var(--accent)}.node.outside{fill:#fff;stroke:var(--accent);stroke-width:2}.edge{stroke:var(--muted);stroke-width:1.5}.edge.copy,.edge.syndication{stroke:var(--bad)}.arrowhead{fill:var(--muted)}
        .doc-text{white-space:pre-wrap;font-family:ui-serif,Georgia,serif;border:1px solid var(--line);padding:1rem;overflow-wrap:anywhere}
        .blk{display:inline}.blk-body{background:transparent}.blk-title{font-weight:700}.blk-navigation,.blk-advert,.blk-teaser,.blk-related,.blk-masthead{background:#eee;color:#444}.blk-comment{background:#eef4ff}.blk-caption,.blk-credit,.blk-byline,.blk-dateline{background:#f6f1e6}
        dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dl.summary dd{margin:0}
        .legend span{display:inline-block;margin-right:.75rem;padding:0 .3rem}
        .filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end;margin:.5rem 0}
        .filters label{display:flex;flex-direction:column;font-size:.9rem}
        input,select,button{font:inherit;padding:.35rem .5rem}
        button{background:var(--accent);color:#fff;border:0;border-radius:4px;cursor:pointer}
        .claim-row{cursor:pointer}.claim-row:hover,.claim-row[aria-selected=true]{background:#eef4ff}
        .message{padding:.5rem 1rem;border-left:4px solid var(--accent);background:#f2f7fc}.message.error{border-color:var(--bad);background:#fdf0f2}
        progress{width:100%;max-width:20rem}
        details.fold>summary{cursor:pointer}details.fold>summary h3{display:inline}
        th button.sort{background:none;color:inherit;font:inherit;font-weight:700;padding:0;text-align:left}th[aria-sort=ascending] button.sort::after{content:" ▲"}th[aria-sort=descending] button.sort::after{content:" ▼"}
        [hidden]{display:none!important}
        .pager{display:flex;gap:.75rem;align-items:center;margin:.25rem 0 1rem}.pager button:disabled{opacity:.5;cursor:default}.table-filter{max-width:100%;margin:.25rem 0}
        td.source{overflow-wrap:anywhere;max-width:20rem}th{white-space:nowrap}#claims td:nth-child(3),#claims td:nth-child(4){white-space:nowrap;overflow-wrap:normal}
        select,input{max-width:100%}.filters label{max-width:100%}main{overflow-wrap:anywhere}
        @media (max-width:40rem){body{font-size:15px}td,th{padding:.25rem}header.site{flex-direction:column;align-items:flex-start}
          header.site form{display:flex;width:100%}header.site input{flex:1;min-width:0}
          table.data-table,table.data-table tbody,table.data-table tr,table.data-table td{display:block;width:100%}
          table.data-table thead tr{display:flex;flex-wrap:wrap;gap:.25rem}table.data-table th{border:0;background:none;padding:0 .25rem}
          table.data-table tbody tr{border:1px solid var(--line);margin-bottom:.5rem}table.data-table td{border:0}
          table.data-table td[data-label]::before{content:attr(data-label) ": ";font-weight:600}}
        @media print{header.site nav,.filters,.skip,form,button{display:none}body{font-size:11pt;color:#000}a{color:#000;text-decoration:none}
          section{break-inside:avoid-page}h2{break-before:page}h2:first-of-type{break-before:auto}svg.chart{max-width:16cm}mark{background:#ddd;outline:1px solid #000}
          .table-wrap{overflow:visible}details.fold::details-content{content-visibility:visible;display:block}details.fold>summary{list-style:none}}
        """;
}
