import Foundation
import Testing
@testable import JixiaoInterchange

@Suite("Excel number formats give the text a person sees")
struct NumberFormatTests {
    @Test(arguments: [
        ("0.00%", "0.98950000000000005", "98.95%"),
        ("0%", "0.955", "96%"),
        ("#,##0.00", "9028372", "9,028,372.00"),
        ("0.00", "582.4", "582.40"),
        ("0", "14.5", "15"),
        ("General", "0.98950000000000005", "0.9895"),
        ("General", "582.4", "582.4"),
        ("@", "12", "12"),
        ("yyyy\"年\"m\"月\"d\"日\"", "45000", "2023年3月15日"),
        ("yyyy/m/d", "45291", "2023/12/31"),
        ("yyyy-mm-dd", "45292", "2024-01-01"),
        ("#,##0.00;-#,##0.00", "-1234.5", "-1,234.50"),
        ("0.00_ ", "3", "3.00 "),
        ("\"¥\"#,##0.00", "1500", "¥1,500.00"),
        ("0.00\"万元\"", "860", "860.00万元"),
        ("[$-804]0.00", "2.5", "2.50"),
    ])
    func formats(_ code: String, _ raw: String, _ shown: String) {
        #expect(NumberFormat(code: code).text(raw) == shown)
    }

    @Test func builtInFormatsOfAChineseExcel() {
        #expect(NumberFormat(code: NumberFormat.builtIn(10)).text("0.5") == "50.00%")
        #expect(NumberFormat(code: NumberFormat.builtIn(14)).text("45000") == "2023/3/15")
        #expect(NumberFormat(code: NumberFormat.builtIn(31)).text("45000") == "2023年3月15日")
        #expect(NumberFormat(code: NumberFormat.builtIn(4)).text("1234.567") == "1,234.57")
    }
}

@Suite("Web pages as portals publish them")
struct HTMLReaderTests {
    static func rows(_ html: String) throws -> [[String]] {
        GridRows.rows(try HTMLReader.read(Data(html.utf8), file: "t.html", deadline: Deadline(seconds: 10))).map(\.cells)
    }

    @Test func spansUnclosedTagsAndLineBreaks() throws {
        let html = """
        <html><head><meta charset="utf-8"><title>x</title><script>var a = "<td>";</script></head><body>
        <div class=nav>首页 | 政务公开</div>
        <p style="text-align:center"><b>项目支出绩效自评表</b>
        <table border=1 style="width:100%">
        <tr><td rowspan=2>产出指标<td>数量指标<td>培训人次<td>≥500人次
        <tr><td>质量指标<td>合格率<br>（抽检）<td>&nbsp;98%
        <tr><td colspan=3>总分<td>95
        </table>
        <p>填表人：张三
        """
        let rows = try Self.rows(html)
        #expect(rows.contains(["首页 | 政务公开"]))
        #expect(rows.contains(["项目支出绩效自评表"]))
        #expect(rows.contains(["产出指标", "数量指标", "培训人次", "≥500人次"]))
        #expect(rows.contains(["", "质量指标", "合格率\n（抽检）", "98%"]))
        #expect(rows.contains(["总分", "", "", "95"]))
        #expect(rows.contains(["填表人：张三"]))
        #expect(!rows.flatMap { $0 }.contains { $0.contains("var a") })
    }

    @Test func aPageInGBKIsReadInItsCharset() throws {
        // 绩效目标 and 镕 (a GBK character outside GB2312, as pages that say gb2312 often have) in GBK bytes.
        var data = Data("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><table><tr><td>".utf8)
        data += [188, 168, 208, 167, 196, 191, 177, 234]
        data += Data("</td><td>".utf8)
        data += [233, 70]
        data += Data("</td></tr></table></body></html>".utf8)
        let rows = GridRows.rows(try HTMLReader.read(data, file: "t.html", deadline: Deadline(seconds: 10))).map(\.cells)
        #expect(rows == [["绩效目标", "镕"]])
    }
}
