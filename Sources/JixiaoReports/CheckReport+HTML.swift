import Foundation
import JixiaoCore
import JixiaoInterchange

extension CheckReport {
    /// One self-contained HTML file (no scripts, no external assets) to send to a unit: a
    /// summary, a contents list of the forms with their counts, and per form its findings,
    /// each with its row's line number and — when `sourceLines` are given — the line as printed.
    public func html(sourceLines: [String]? = nil) -> String {
        let groups = groupedByForm()
        var out = """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>审核报告 · \(Self.escape(file))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <header id="top">
        <h1>绩效表单审核报告</h1>
        <dl class="meta">
        <dt>文件</dt><dd>\(Self.escape(file))</dd>
        <dt>评分规则</dt><dd>\(Self.escape(profileName))（\(Self.escape(profile))）</dd>
        <dt>表单</dt><dd>\(formCount) 份</dd>
        </dl>
        <p class="totals"><span class="sev error">错误 \(summary.error)</span> <span class="sev warning">警告 \(summary.warning)</span> <span class="sev info">提示 \(summary.info)</span></p>
        <p class="hint">错误：数字之间确有矛盾，或违反评分规则；警告：需要核实或补充；提示：供参考，包括导入时的推断。每条问题都写明所比较的数字，并注明原文的行号。</p>
        </header>

        """
        if !groups.isEmpty {
            out += "<nav><h2>目录</h2><table class=\"toc\"><thead><tr><th>#</th><th>表单</th><th>错误</th><th>警告</th><th>提示</th></tr></thead><tbody>\n"
            for group in groups {
                let counts = group.counts
                out += "<tr><td>\(group.number)</td><td><a href=\"#\(group.anchor)\">\(Self.escape(group.title))</a></td>"
                    + "<td class=\"n\(counts.error > 0 ? " error" : "")\">\(counts.error)</td><td class=\"n\">\(counts.warning)</td><td class=\"n\">\(counts.info)</td></tr>\n"
            }
            out += "</tbody></table></nav>\n"
        } else {
            out += "<p>未发现问题。</p>\n"
        }
        var serial = 0
        for group in groups {
            out += "<section id=\"\(group.anchor)\">\n<h2>\(group.number == "—" ? "" : "【\(group.number)】")\(Self.escape(group.title))</h2>\n"
            let main = group.findings.filter { $0.severity != .info }
            let infos = group.findings.filter { $0.severity == .info }
            if !main.isEmpty { out += table(main, sourceLines: sourceLines, serial: &serial) }
            if !infos.isEmpty {
                out += "<details><summary>提示 \(infos.count) 条</summary>\n" + table(infos, sourceLines: sourceLines, serial: &serial) + "</details>\n"
            }
            out += "<p class=\"back\"><a href=\"#top\">回到目录</a></p>\n</section>\n"
        }
        out += "<footer>由 jixiao 生成。</footer>\n</body>\n</html>\n"
        return out
    }

    private func table(_ findings: [Finding], sourceLines: [String]?, serial: inout Int) -> String {
        var out = "<table class=\"findings\"><thead><tr><th>级别</th><th>代码</th><th>位置</th><th>说明</th></tr></thead><tbody>\n"
        for f in findings {
            serial += 1
            var place: [String] = []
            if let line = f.location.source?.line { place.append("第\(line)行") }
            if let indicator = f.location.indicator { place.append("指标“\(indicator)”") }
            if let field = f.location.field { place.append(field) }
            var message = Self.escape(f.message)
            if let line = f.location.source?.line, let lines = sourceLines, line >= 1, line <= lines.count {
                let printed = lines[line - 1].split(separator: "\t", omittingEmptySubsequences: true).joined(separator: " │ ")
                if !printed.isEmpty { message += "<div class=\"src\">原文第\(line)行：\(Self.escape(String(printed.prefix(400))))</div>" }
            }
            out += "<tr id=\"f\(serial)\" class=\"\(f.severity.rawValue)\"><td><span class=\"sev \(f.severity.rawValue)\">\(f.severity.chineseName)</span></td>"
                + "<td><code>\(Self.escape(f.code.rawValue))</code></td><td>\(Self.escape(place.joined(separator: " ")))</td><td>\(message)</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    struct FormGroup {
        var number: String
        var anchor: String
        var title: String
        var findings: [Finding]
        var counts: (error: Int, warning: Int, info: Int) {
            (findings.filter { $0.severity == .error }.count, findings.filter { $0.severity == .warning }.count,
             findings.filter { $0.severity == .info }.count)
        }
    }

    /// Findings by form in document order (document-level ones first), most serious first, then by line.
    func groupedByForm() -> [FormGroup] {
        let grouped = Dictionary(grouping: findings) { $0.location.formIndex ?? -1 }
        return grouped.keys.sorted().map { key in
            let items = grouped[key]!.sorted { ($0.severity, $0.location.source?.line ?? 0) < ($1.severity, $1.location.source?.line ?? 0) }
            let title = key < 0 ? (items.first?.location.form ?? "整个文件") : (items.first?.location.form ?? "表单\(key + 1)")
            return FormGroup(number: key < 0 ? "—" : "\(key + 1)", anchor: key < 0 ? "document" : "form-\(key + 1)", title: title, findings: items)
        }
    }

    /// Text for HTML: &, <, > and quotes escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    static let style = """
    body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222;line-height:1.5}
    h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
    dl.meta{display:grid;grid-template-columns:auto 1fr;gap:.2em 1em}dl.meta dt{color:#666}dl.meta dd{margin:0}
    table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
    th{background:#f4f4f4}td.n{text-align:right}td.n.error{color:#b00020;font-weight:bold}
    .sev{display:inline-block;padding:0 .4em;border-radius:3px;color:#fff;white-space:nowrap}
    .sev.error{background:#b00020}.sev.warning{background:#b26a00}.sev.info{background:#2a6f97}
    tr.error td{background:#fff5f5}.src{margin-top:.3em;font-size:.85em;color:#555;background:#f7f7f7;padding:.2em .4em;white-space:pre-wrap;word-break:break-all}
    code{font-size:.85em}.hint{color:#555;font-size:.9em}.back{font-size:.85em}footer{margin-top:3em;color:#888;font-size:.85em}
    @media print{details{display:block}a{color:inherit;text-decoration:none}section{break-inside:auto}}
    """
}
