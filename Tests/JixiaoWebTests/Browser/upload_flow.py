#!/usr/bin/env python3
"""Headless Chromium uploads a document through the file input, leaves out the form it cannot place,
confirms, and lands on the list of created forms. Screenshots of the confirmation and the result;
prints one JSON object with what the pages showed."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import launch, login, open_page, screenshot

def main():
    base, username, password, upload, shots = sys.argv[1:6]
    browser, tools = launch(os.environ.get("CHROMIUM", "chromium"))
    seen = {}
    try:
        login(tools, base, username, password)
        open_page(tools, base + "/uploads", "!!document.querySelector('input[type=file]')")
        document = tools.call("DOM.getDocument")["root"]["nodeId"]
        node = tools.call("DOM.querySelector", nodeId=document, selector="input[type=file]")["nodeId"]
        tools.call("DOM.setFileInputFiles", nodeId=node, files=[upload])
        # The button is disabled while the file goes up and is read (seen through the page change that follows).
        tools.evaluate("""var b = document.querySelector('form.upload button[type=submit]');
            new MutationObserver(function () { if (b.disabled) sessionStorage.setItem('uploadButtonDisabled', b.textContent); })
                .observe(b, { attributes: true, childList: true });
            b.click(); true""")
        tools.wait_for("location.pathname.indexOf('/uploads/') === 0 && document.readyState === 'complete' && !!document.querySelector('form.confirm-upload')")
        seen["confirm_title"] = tools.evaluate("document.querySelector('h1').textContent")
        seen["button_while_working"] = tools.evaluate("sessionStorage.getItem('uploadButtonDisabled')")
        seen["reasons"] = tools.evaluate("Array.from(document.querySelectorAll('table.matches tbody tr')).map(r => r.lastElementChild.textContent)")
        seen["year"] = tools.evaluate("document.querySelector('input[name=year]').value")
        seen["preview"] = tools.evaluate("Array.from(document.querySelectorAll('details.upload-preview summary')).map(s => s.textContent)")
        tools.evaluate("var d = document.querySelector('details.upload-preview'); d.open = true; d.scrollIntoView(); true")
        seen["preview_rows"] = tools.evaluate("document.querySelectorAll('details.upload-preview')[0].querySelectorAll('tbody tr').length")
        screenshot(tools, os.path.join(shots, "upload-1-confirm.png"))
        tools.evaluate("""Array.from(document.querySelectorAll('form.confirm-upload select')).forEach(s => { if (s.value === '') s.value = 'skip'; });
            document.querySelector('form.confirm-upload button[type=submit]').click(); true""")
        tools.wait_for("document.readyState === 'complete' && document.querySelector('h1').textContent.indexOf('已导入') === 0")
        seen["result_title"] = tools.evaluate("document.querySelector('h1').textContent")
        seen["created"] = tools.evaluate("Array.from(document.querySelectorAll('tbody tr td:first-child a')).map(a => a.textContent)")
        screenshot(tools, os.path.join(shots, "upload-2-created.png"))
    finally:
        browser.kill()
    print(json.dumps(seen, ensure_ascii=False))

if __name__ == "__main__":
    main()
