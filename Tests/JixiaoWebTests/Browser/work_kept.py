#!/usr/bin/env python3
"""Headless Chromium: the three ways the editor used to lose or block work, tried as people do it.
1. The suggested score of a missed ≥ target is saved as shown (4.95 for 94% against ≥95% of 5 points).
2. 提交 after typing keeps what was typed (it is saved first).
3. Enter in a field saves; it never moves a row or replaces the department's budget; the roll-up button fills
   only the 项目支出 row. Leaving the page with unsaved changes asks first.
4. A save after someone else saved keeps what was typed, takes over the other's change, and saves on the next try.
5. A save after the session ran out keeps what was typed through signing in; signing in returns to the page asked for.
6. Text of several lines saved twice unchanged makes one version and one history entry (no CRLF phantom change).
7. 采用建议得分 fills a row's score, or every row's, in place; the page is not left.
Prints one JSON object with what it saw."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import launch, login, logout, open_page, screenshot

def value(tools, name):
    return tools.evaluate(f"(document.querySelector('[name=\"{name}\"]') || {{}}).value")

def text(tools, selector):
    return tools.evaluate(f"(function () {{ var e = document.querySelector({json.dumps(selector)}); return e && e.textContent.trim(); }})()")

def set_field(tools, name, content):
    tools.evaluate(f"""(function () {{ var e = document.querySelector('[name="{name}"]');
        e.focus(); e.value = {json.dumps(content)}; e.dispatchEvent(new Event('input', {{bubbles: true}})); return true; }})()""")

def wait_loaded(tools, condition):
    tools.wait_for("document.readyState === 'complete' && (" + condition + ")")

def main():
    base, accounts, artifacts = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
    browser, tools = launch(os.environ.get("CHROMIUM", "chromium"))
    seen = {}
    try:
        login(tools, base, "gonglu", accounts["gonglu"])
        # 1. The suggestion is allowed.
        open_page(tools, base + "/forms/1", "!!document.querySelector('tr[data-row=\"4\"]')")
        set_field(tools, "i.4.actual", "94%")
        tools.wait_for("document.querySelector('tr[data-row=\"4\"] .suggested').textContent === '4.95'", timeout=10)
        seen["suggested"] = text(tools, 'tr[data-row="4"] .suggested')
        seen["range"] = text(tools, 'tr[data-row="4"] .range')
        set_field(tools, "i.4.score", "4.95")
        tools.evaluate("document.querySelector('.actions button[value=save]').click(); true")
        wait_loaded(tools, "location.search.indexOf('saved=') >= 0 || !!document.querySelector('.error-box')")
        seen["suggested_saved"] = text(tools, ".notice")
        seen["suggested_error"] = text(tools, ".error-box")
        seen["score_after"] = value(tools, "i.4.score")

        # 2. 提交 saves what was typed first.
        open_page(tools, base + "/forms/1", "!!document.querySelector('button[value=submit]')")
        set_field(tools, "i.4.reason", "7月至8月连续降雨；已增设应急养护班组，9月起按周通报处治进度。")
        screenshot(tools, os.path.join(artifacts, "work-kept-1-before-submit.png"))
        tools.evaluate("document.querySelector('button[value=submit]').click(); true")
        wait_loaded(tools, "location.search.indexOf('moved=') >= 0 || !!document.querySelector('.error-box')")
        seen["submitted_status"] = text(tools, "fieldset.workflow legend")
        # A submitted form is read as the official table: the reason is in its row.
        seen["submitted_reason"] = tools.evaluate("""Array.from(document.querySelectorAll('.official-form td'))
            .map(function (td) { return td.textContent; }).find(function (t) { return t.indexOf('7月至8月') === 0; }) || null""")

        # 3a. Enter in the declaration saves and moves no row.
        open_page(tools, base + "/forms/4", "!!document.querySelector('input[name=\"s.0.title\"]')")
        seen["subtasks_before"] = [value(tools, f"s.{i}.title") for i in range(3)]
        tools.evaluate("document.querySelector('input[name=\"p_manager\"]').focus(); document.querySelector('input[name=\"p_manager\"]').select(); true")
        tools.type_text("周海")
        tools.press_enter()
        wait_loaded(tools, "location.search.indexOf('saved=') >= 0 || !!document.querySelector('.error-box') || document.querySelector('.notice')")
        seen["enter_notice"] = text(tools, ".notice")
        seen["subtasks_after"] = [value(tools, f"s.{i}.title") for i in range(3)]
        seen["manager_after"] = value(tools, "p_manager")

        # 3b. Leaving with unsaved changes asks first; staying keeps the text.
        tools.evaluate("document.querySelector('input[name=\"p_phone\"]').focus(); true")
        tools.type_text("-8")
        tools.evaluate("setTimeout(function () { location.href = '/forms'; }, 10); true")
        dialog = tools.wait_event("Page.javascriptDialogOpening", timeout=10)
        seen["leave_dialog"] = dialog.get("type")
        tools.call("Page.handleJavaScriptDialog", accept=False)
        seen["after_staying"] = tools.evaluate("location.pathname")
        logout(tools)

        # 3c. The department: Enter keeps its own budget; the roll-up fills only the 项目支出 row.
        login(tools, base, "jiaotong", accounts["jiaotong"])
        open_page(tools, base + "/forms/6", "!!document.querySelector('input[name=\"x_annual\"]')")
        before = {k: value(tools, k) for k in ("x_initial", "x_annual", "x_executed", "x_rate", "x_score")}
        seen["department_before"] = before
        tools.evaluate("document.querySelector('input[name=\"p_manager\"], input[name=\"x_weight\"]').focus(); true")
        tools.press_enter()
        wait_loaded(tools, "location.search.indexOf('saved=') >= 0 || !!document.querySelector('.error-box') || !!document.querySelector('.notice')")
        seen["department_enter_notice"] = text(tools, ".notice")
        seen["department_after_enter"] = {k: value(tools, k) for k in before}
        tools.evaluate("document.querySelector('button[value=assemble]').click(); true")
        wait_loaded(tools, "!!document.querySelector('.notice') && document.querySelector('.notice').textContent.indexOf('项目') >= 0")
        seen["assemble_notice"] = text(tools, ".notice")
        seen["department_after_assemble"] = {k: value(tools, k) for k in before}
        rows = tools.evaluate("""Array.from(document.querySelectorAll('input[name^="xb."][name$=".label"]')).map(function (e) { return e.value; })""")
        seen["breakdown_labels"] = rows
        project_row = rows.index("项目支出") if "项目支出" in rows else -1
        seen["project_row"] = [value(tools, f"xb.{project_row}.{k}") for k in ("initial", "annual", "executed")] if project_row >= 0 else None
        tools.evaluate("document.querySelector('fieldset legend').scrollIntoView(); true")
        screenshot(tools, os.path.join(artifacts, "work-kept-2-department-rollup.png"))
        # 7. An unknown address shows the system's own page, in Chinese, with the way back.
        open_page(tools, base + "/no/such/page", "document.readyState === 'complete'")
        seen["unknown_title"] = tools.evaluate("document.title")
        seen["unknown_heading"] = tools.evaluate("(document.querySelector('h1') || {}).textContent || ''")
        seen["unknown_link"] = tools.evaluate("(document.querySelector('section.error a') || {}).textContent || ''")
        screenshot(tools, os.path.join(artifacts, "work-kept-3-unknown-page.png"))

        # 4. A save after someone else saved (409): what was typed stays, the other's change to another field is taken
        #    over and listed, and the next save goes through on the current version.
        logout(tools)
        login(tools, base, "gonglu", accounts["gonglu"])
        open_page(tools, base + "/forms/4", "!!document.querySelector('input[name=\"p_phone\"]')")
        seen["conflict_version_before"] = value(tools, "_version")
        tools.evaluate("""(async function () {
            var html = await (await fetch('/forms/4')).text();
            var form = new DOMParser().parseFromString(html, 'text/html').getElementById('form-editor');
            var data = new FormData(form);
            data.set('p_manager', '另一位同事'); data.set('action', 'save');
            var r = await fetch('/forms/4', {method: 'POST', body: new URLSearchParams(data)});
            window.__other = r.status + ' ' + r.url; })(); true""")
        tools.wait_for("!!window.__other")
        seen["other_save"] = tools.evaluate("window.__other")
        set_field(tools, "p_phone", "0771-5550123")
        tools.evaluate("document.querySelector('.actions button[value=save]').click(); true")
        wait_loaded(tools, "!!document.querySelector('.error-box')")
        seen["conflict_error"] = text(tools, ".error-box")
        seen["conflict_changes"] = text(tools, "details.other-changes table")
        seen["conflict_phone"] = value(tools, "p_phone")
        seen["conflict_manager"] = value(tools, "p_manager")
        seen["conflict_version"] = value(tools, "_version")
        screenshot(tools, os.path.join(artifacts, "work-kept-4-save-conflict.png"))
        # The conflict page has an error box already: wait for the next page, not for this one.
        tools.evaluate("window.__conflictPage = true; document.querySelector('.actions button[value=save]').click(); true")
        wait_loaded(tools, "!window.__conflictPage && (location.search.indexOf('saved=') >= 0 || !!document.querySelector('.error-box'))")
        seen["resaved_notice"] = text(tools, ".notice")
        seen["resaved_error"] = text(tools, ".error-box")
        seen["resaved_phone"] = value(tools, "p_phone")
        seen["resaved_manager"] = value(tools, "p_manager")

        # 5. The session runs out while typing: the post is kept through signing in and put back; a page asked for
        #    while signed out is the page shown after signing in.
        set_field(tools, "p_manager", "过期前填写的负责人")
        tools.call("Network.deleteCookies", name="jixiao_session", url=base)
        tools.evaluate("document.querySelector('.actions button[value=save]').click(); true")
        wait_loaded(tools, "!!document.querySelector('form[action=\"/login\"]')")
        seen["expired_message"] = text(tools, ".error-box")
        screenshot(tools, os.path.join(artifacts, "work-kept-5-session-expired.png"))
        tools.evaluate(f"""document.querySelector('input[name=username]').value = {json.dumps("gonglu")};
            document.querySelector('input[name=password]').value = {json.dumps(accounts["gonglu"])};
            document.querySelector('form[action="/login"] button[type=submit]').click(); true""")
        wait_loaded(tools, "!!document.querySelector('input[name=\"p_manager\"]')")
        seen["restored_notice"] = text(tools, ".notice")
        seen["restored_manager"] = value(tools, "p_manager")
        tools.evaluate("document.querySelector('.actions button[value=save]').click(); true")
        wait_loaded(tools, "location.search.indexOf('saved=') >= 0 || !!document.querySelector('.error-box')")
        seen["restored_saved"] = text(tools, ".notice")
        seen["restored_saved_manager"] = value(tools, "p_manager")
        tools.call("Network.deleteCookies", name="jixiao_session", url=base)
        open_page(tools, base + "/forms/4/print", "!!document.querySelector('input[name=username]')")
        seen["next_login_url"] = tools.evaluate("location.pathname + location.search")
        tools.evaluate(f"""document.querySelector('input[name=username]').value = {json.dumps("gonglu")};
            document.querySelector('input[name=password]').value = {json.dumps(accounts["gonglu"])};
            document.querySelector('form[action="/login"] button[type=submit]').click(); true""")
        tools.wait_for("location.pathname !== '/login' && document.readyState === 'complete'")
        seen["next_after_login"] = tools.evaluate("location.pathname")

        # 6. Text of several lines (the browser sends CRLF) saved once, then saved again unchanged: no new version,
        #    no phantom change in the history.
        open_page(tools, base + "/forms/4", "!!document.querySelector('textarea[name=\"s.0.detail\"]')")
        set_field(tools, "s.0.detail", "第一行：路面修补\n第二行：边沟清理")
        tools.evaluate("document.querySelector('.actions button[value=save]').click(); true")
        wait_loaded(tools, "location.search.indexOf('saved=') >= 0 || !!document.querySelector('.error-box')")
        seen["multiline_saved"] = text(tools, ".notice")
        seen["multiline_value"] = value(tools, "s.0.detail")
        tools.evaluate("window.__firstSave = true; document.querySelector('.actions button[value=save]').click(); true")
        wait_loaded(tools, "!window.__firstSave && (location.search.indexOf('saved=') >= 0 || !!document.querySelector('.error-box'))")
        seen["multiline_resaved"] = text(tools, ".notice")
        seen["multiline_history"] = tools.evaluate("""Array.from(document.querySelectorAll('table.history tr')).filter(function (r) {
            return r.textContent.indexOf('第一行：路面修补') >= 0; }).length""")

        # 7. 采用建议得分, in place: one row, then every row; then saved.
        logout(tools)
        login(tools, base, "yunshu", accounts["yunshu"])
        open_page(tools, base + "/forms/2", "!!document.querySelector('button.adopt-all')")
        set_field(tools, "i.0.score", "0.5")
        tools.wait_for("!!document.querySelector('tr[data-row=\"0\"] button.adopt')")
        seen["adopt_suggested"] = text(tools, 'tr[data-row="0"] .suggested')
        tools.evaluate("document.querySelector('tr[data-row=\"0\"] button.adopt').click(); true")
        seen["adopt_row_score"] = value(tools, "i.0.score")
        seen["adopt_row_status"] = text(tools, "#adopt-status")
        seen["adopt_row_url"] = tools.evaluate("location.pathname + location.search")
        tools.evaluate("document.querySelector('button.adopt-all').click(); true")
        seen["adopt_all_matches"] = tools.evaluate("""Array.from(document.querySelectorAll('tr[data-row]')).every(function (r) {
            var s = r.querySelector('.suggested'), v = r.querySelector('input[name$=".score"]');
            return !s || !v || s.textContent === '—' || s.textContent === v.value; })""")
        tools.evaluate("document.querySelector('tr[data-row=\"0\"]').scrollIntoView(); true")
        screenshot(tools, os.path.join(artifacts, "work-kept-6-adopt-suggested.png"))
        tools.evaluate("document.querySelector('.actions button[value=save]').click(); true")
        wait_loaded(tools, "location.search.indexOf('saved=') >= 0 || !!document.querySelector('.error-box')")
        seen["adopt_saved"] = text(tools, ".notice")
        seen["adopt_saved_score"] = value(tools, "i.0.score")
        print(json.dumps(seen, ensure_ascii=False))
    finally:
        browser.kill()
        browser.wait()

if __name__ == "__main__":
    main()
