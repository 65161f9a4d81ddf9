#!/usr/bin/env python3
"""Headless Chromium through a reviewer's day: a unit submits two forms; the department reviewer lands on the
queue (待我审核), opens the first, returns it with an opinion; the unit sees 已退回 in its list and the opinion on
the form, fixes it and resubmits (confirming); the reviewer sees what changed since the return, approves
(confirming) and goes on to the next form (下一张); the finance bureau approves. Screenshots at each step;
prints one JSON object with what was seen and the audit trail's rows."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import launch, login, logout, open_page, screenshot

def status(tools):
    return tools.evaluate("document.querySelector('fieldset.workflow legend').textContent")

def act(tools, transition, comment=None):
    if comment is not None:
        tools.evaluate(f"document.querySelector('.transition textarea[name=comment]').value = {json.dumps(comment)}; true")
    tools.evaluate(f"document.querySelector('.transition button[value={transition}]').click(); true")
    tools.wait_for(f"location.search.indexOf('moved={transition}') >= 0 && document.readyState === 'complete'")

def link_to(tools, words):
    """The address of the first link on the page whose text contains `words`."""
    return tools.evaluate(f"""(function () {{ var a = Array.from(document.querySelectorAll('a')).find(function (a) {{
        return a.textContent.indexOf({json.dumps(words)}) >= 0; }}); return a ? a.href : null; }})()""")

def main():
    base, form_id, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    accounts = json.loads(sys.argv[4])
    form = f"{base}/forms/{form_id}"
    ready = "!!document.querySelector('fieldset.workflow')"
    browser, tools = launch(os.environ.get("CHROMIUM", "chromium"))
    seen = {"statuses": []}
    try:
        login(tools, base, "gonglu", accounts["gonglu"])
        open_page(tools, base + "/forms", "!!document.querySelector('table.list')")
        second = link_to(tools, "农村公路养护")
        open_page(tools, form, ready)
        act(tools, "submit")
        seen["statuses"].append(status(tools))
        screenshot(tools, os.path.join(shots, "review-1-submitted.png"))
        open_page(tools, second, ready)
        act(tools, "submit")
        logout(tools)

        # The reviewer's first page is the queue; the form is opened from it.
        login(tools, base, "jiaotong", accounts["jiaotong"])
        seen["landing"] = tools.evaluate("location.pathname + location.search")
        seen["queue"] = tools.evaluate("""Array.from(document.querySelectorAll('table.list tbody td:nth-child(2) a'))
            .map(function (a) { return a.textContent; })""")
        screenshot(tools, os.path.join(shots, "review-0-queue.png"))
        open_page(tools, link_to(tools, "国省干线"), ready)
        act(tools, "return", "满意度偏差原因请写明调查样本数。")
        seen["statuses"].append(status(tools))
        logout(tools)

        # The unit: 已退回 in its list and the opinion at the top of the form.
        login(tools, base, "gonglu", accounts["gonglu"])
        seen["unit_list_row"] = tools.evaluate("""Array.from(document.querySelectorAll('table.list tbody tr'))
            .map(function (tr) { return tr.textContent; }).filter(function (t) { return t.indexOf('国省干线') >= 0; })[0]""")
        open_page(tools, form, ready)
        seen["opinion_at_top"] = tools.evaluate("(document.querySelector('div.returned') || {}).textContent || ''")
        screenshot(tools, os.path.join(shots, "review-2-returned.png"))
        tools.evaluate("""var reason = document.querySelector('[name="i.9.reason"]');
            reason.value = '抽样调查420人，满意390人。'; true""")
        tools.evaluate("document.querySelector('button[value=save]').click(); true")
        tools.wait_for("location.search.indexOf('saved=') >= 0 && document.readyState === 'complete'")
        act(tools, "submit")
        seen["statuses"].append(status(tools))
        logout(tools)

        # The reviewer: what changed since the return, approve, next.
        login(tools, base, "jiaotong", accounts["jiaotong"])
        open_page(tools, link_to(tools, "国省干线"), ready)
        seen["since_return"] = tools.evaluate("""Array.from(document.querySelectorAll('.since-return table.changes tbody tr'))
            .map(function (tr) { return Array.from(tr.children).slice(0, 3).map(function (td) { return td.textContent; }).join('|'); })""")
        screenshot(tools, os.path.join(shots, "review-2b-changes-since-return.png"))
        act(tools, "department_approve", "同意。")
        seen["statuses"].append(status(tools))
        seen["next"] = tools.evaluate("(document.querySelector('.next-form a') || {}).textContent || ''")
        open_page(tools, tools.evaluate("document.querySelector('.next-form a').href"), ready)
        seen["next_opened"] = tools.evaluate("document.title")
        logout(tools)

        login(tools, base, "caizheng", accounts["caizheng"])
        open_page(tools, form, ready)
        act(tools, "finance_approve")
        seen["statuses"].append(status(tools))
        seen["trail"] = tools.evaluate("""Array.from(document.querySelectorAll('table.history tbody tr')).map(function (tr) {
            return Array.from(tr.children).slice(1).map(function (td) { return td.textContent; }).join('|'); })""")
        tools.evaluate("document.querySelector('fieldset.workflow').scrollIntoView(); true")
        screenshot(tools, os.path.join(shots, "review-3-approved-trail.png"))
        seen["dialogs"] = tools.dialogs
        print(json.dumps(seen, ensure_ascii=False))
    finally:
        browser.kill()
        browser.wait()

if __name__ == "__main__":
    main()
