"""Runs readability-lxml (Debian python3-readability) over DIR/html/<id>.html.gz; writes {id: text} JSON to OUT."""
import gzip, json, os, sys, time
import lxml.html
from readability import Document

directory, out = sys.argv[1], sys.argv[2]
ids = sorted(f[:-len(".html.gz")] for f in os.listdir(os.path.join(directory, "html")) if f.endswith(".html.gz"))
pages = [(i, gzip.open(os.path.join(directory, "html", i + ".html.gz")).read()) for i in ids]
result = {}
start = time.process_time()
for page_id, raw in pages:
    try:
        summary = Document(raw).summary(html_partial=True)
        result[page_id] = lxml.html.fromstring(summary).text_content()
    except Exception:  # a page the peer cannot read scores as empty
        result[page_id] = ""
seconds = time.process_time() - start
json.dump(result, open(out, "w"))
print(f"pages {len(pages)} seconds {seconds:.2f}", file=sys.stderr)
