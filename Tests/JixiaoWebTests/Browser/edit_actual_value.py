#!/usr/bin/env python3
"""Headless Chromium: sign in, open a self-evaluation, change one indicator's actual value, watch the live
preview, save, read the new suggested score, and keep a screenshot. Prints one JSON object with what it saw."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import launch, login, screenshot as take_screenshot

def main():
    base, username, password, form_id, screenshot = sys.argv[1:6]
    browser, tools = launch(os.environ.get("CHROMIUM", "chromium"))
    try:
        seen = {}
        login(tools, base, username, password)
        seen["after_login"] = tools.evaluate("document.querySelector('.who') && document.querySelector('.who').textContent")
        tools.call("Page.navigate", url=f"{base}/forms/{form_id}")
        tools.wait_for("document.readyState === 'complete' && !!document.querySelector('tr[data-row=\"4\"]')")
        seen["before"] = tools.evaluate("document.querySelector('tr[data-row=\"4\"] .suggested').textContent")
        tools.evaluate("""(function () {
            var actual = document.querySelector('[name="i.4.actual"]');
            actual.focus(); actual.value = '95%'; actual.dispatchEvent(new Event('input', {bubbles: true}));
            var score = document.querySelector('input[name="i.4.score"]');
            score.value = '5'; score.dispatchEvent(new Event('input', {bubbles: true}));
            return true; })()""")
        # The live preview (JavaScript) updates the suggestion before saving.
        tools.wait_for("document.querySelector('tr[data-row=\"4\"] .suggested').textContent === '5'", timeout=10)
        seen["preview"] = tools.evaluate("document.querySelector('tr[data-row=\"4\"] .suggested').textContent")
        tools.evaluate("document.querySelector('button[value=save]').click(); true")
        tools.wait_for("location.search.indexOf('saved=') >= 0 && document.readyState === 'complete'")
        seen["notice"] = tools.evaluate("document.querySelector('.notice') && document.querySelector('.notice').textContent")
        seen["after"] = tools.evaluate("document.querySelector('tr[data-row=\"4\"] .suggested').textContent")
        seen["actual"] = tools.evaluate("document.querySelector('[name=\"i.4.actual\"]').value")
        seen["total"] = tools.evaluate("document.getElementById('suggested-total').textContent")
        tools.evaluate("document.querySelector('tr[data-row=\"4\"]').scrollIntoView({block: 'center'}); true")
        take_screenshot(tools, screenshot)
        print(json.dumps(seen, ensure_ascii=False))
    finally:
        browser.kill()
        browser.wait()

if __name__ == "__main__":
    main()
