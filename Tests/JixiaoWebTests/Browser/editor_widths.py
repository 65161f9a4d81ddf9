#!/usr/bin/env python3
"""Headless Chromium: every editor (declaration, self-evaluation, department form) at 1366 px and at 1093 px
(1366 at 125 % Windows scaling): a screenshot of each, whether the page scrolls sideways, and whether any
indicator text is cut off in its box. Prints one JSON object with what it saw."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import launch, login, logout, open_page, screenshot

def main():
    base, accounts, artifacts = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
    browser, tools = launch(os.environ.get("CHROMIUM", "chromium"))
    seen = {}
    try:
        for user, forms in (("gonglu", {"declaration": 4, "self-evaluation": 1}), ("jiaotong", {"department": 6})):
            login(tools, base, user, accounts[user])
            for kind, form in forms.items():
                for width in (1366, 1093):
                    tools.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=False)
                    open_page(tools, f"{base}/forms/{form}", "!!document.querySelector('form.form-editor')")
                    seen[f"{kind}-{width}"] = tools.evaluate("""(function () {
                        var cut = Array.from(document.querySelectorAll('table.indicators textarea, table.indicators input[type=text]'))
                            .filter(function (e) { return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 2; })
                            .map(function (e) { return e.name; });
                        var wide = Array.from(document.querySelectorAll('body *')).filter(function (e) {
                            return e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll');
                        }).slice(0, 5).map(function (e) { return e.tagName.toLowerCase() + '.' + e.className + (e.name ? '[' + e.name + ']' : ''); });
                        return { page: document.documentElement.scrollWidth, window: window.innerWidth, cut: cut, wide: wide };
                    })()""")
                    screenshot(tools, os.path.join(artifacts, f"editor-{kind}-{width}.png"))
                    tools.evaluate("document.querySelector('table.indicators').scrollIntoView(); true")
                    screenshot(tools, os.path.join(artifacts, f"editor-{kind}-{width}-indicators.png"))
            logout(tools)
        print(json.dumps(seen, ensure_ascii=False))
    finally:
        browser.kill()
        browser.wait()

if __name__ == "__main__":
    main()
