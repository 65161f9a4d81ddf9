import Foundation

/// Server-rendered SVG charts (no scripts), each followed by a table of its data.
enum SVGChart {
    /// A horizontal bar chart: one bar per label.
    static func bars(title: String, _ items: [(label: String, value: Double, text: String)], maxValue: Double? = nil) -> String {
        let top = max(maxValue ?? items.map(\.value).max() ?? 1, 0.0001)
        let rowHeight = 22.0, labelWidth = 220.0, width = 640.0
        let height = Double(items.count) * rowHeight + 10
        var svg = "<svg class=\"chart\" role=\"img\" aria-label=\"\(HTML.escape(title))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (index, item) in items.enumerated() {
            let y = Double(index) * rowHeight + 4
            let barWidth = max(0, item.value / top) * (width - labelWidth - 70)
            svg += "<text x=\"\(Int(labelWidth - 6))\" y=\"\(Int(y + 14))\" text-anchor=\"end\" font-size=\"12\">\(HTML.escape(String(item.label.prefix(16))))</text>"
            svg += "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y + 3))\" width=\"\(String(format: "%.1f", barWidth))\" height=\"14\" fill=\"#2f6fae\"></rect>"
            svg += "<text x=\"\(Int(labelWidth + barWidth + 4))\" y=\"\(Int(y + 14))\" font-size=\"12\">\(HTML.escape(item.text))</text>"
        }
        svg += "</svg>"
        let table = "<table class=\"rows\"><thead><tr><th>项目</th><th>数值</th></tr></thead><tbody>"
            + items.map { "<tr><td>\(HTML.escape($0.label))</td><td class=\"num\">\(HTML.escape($0.text))</td></tr>" }.joined() + "</tbody></table>"
        return figure(title, svg, table)
    }

    /// A scatter plot of points in [0, xMax] × [0, yMax].
    static func scatter(title: String, xLabel: String, yLabel: String, _ points: [(label: String, x: Double, y: Double)],
                        xMax: Double, yMax: Double) -> String {
        let width = 640.0, height = 360.0, left = 50.0, bottom = 40.0, top = 10.0, right = 20.0
        func px(_ x: Double) -> Double { left + min(max(x / xMax, 0), 1.05) * (width - left - right) / 1.05 }
        func py(_ y: Double) -> Double { height - bottom - min(max(y / yMax, 0), 1) * (height - bottom - top) }
        var svg = "<svg class=\"chart\" role=\"img\" aria-label=\"\(HTML.escape(title))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<line x1=\"\(Int(left))\" y1=\"\(Int(height - bottom))\" x2=\"\(Int(width - right))\" y2=\"\(Int(height - bottom))\" stroke=\"#555\"></line>"
        svg += "<line x1=\"\(Int(left))\" y1=\"\(Int(top))\" x2=\"\(Int(left))\" y2=\"\(Int(height - bottom))\" stroke=\"#555\"></line>"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += "<text x=\"\(Int(px(tick * xMax)))\" y=\"\(Int(height - bottom + 16))\" font-size=\"11\" text-anchor=\"middle\">\(Int(tick * xMax))</text>"
            svg += "<text x=\"\(Int(left - 6))\" y=\"\(Int(py(tick * yMax) + 4))\" font-size=\"11\" text-anchor=\"end\">\(Int(tick * yMax))</text>"
        }
        svg += "<text x=\"\(Int((left + width) / 2))\" y=\"\(Int(height - 6))\" font-size=\"12\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>"
        svg += "<text x=\"\(Int(left + 8))\" y=\"\(Int(top + 12))\" font-size=\"12\">\(HTML.escape(yLabel))</text>"
        for point in points {
            svg += "<circle cx=\"\(String(format: "%.1f", px(point.x)))\" cy=\"\(String(format: "%.1f", py(point.y)))\" r=\"4\" fill=\"#b3261e\" fill-opacity=\"0.6\"><title>\(HTML.escape(point.label))</title></circle>"
        }
        svg += "</svg>"
        let table = "<table class=\"rows\"><thead><tr><th>项目</th><th>\(HTML.escape(xLabel))</th><th>\(HTML.escape(yLabel))</th></tr></thead><tbody>"
            + points.map { "<tr><td>\(HTML.escape($0.label))</td><td class=\"num\">\(String(format: "%.2f", $0.x))</td><td class=\"num\">\(String(format: "%.2f", $0.y))</td></tr>" }.joined()
            + "</tbody></table>"
        return figure(title, svg, table)
    }

    static func figure(_ title: String, _ svg: String, _ table: String) -> String {
        "<figure class=\"chart\"><figcaption>\(HTML.escape(title))</figcaption>\(svg)<details><summary>数据表</summary>\(table)</details></figure>"
    }
}
