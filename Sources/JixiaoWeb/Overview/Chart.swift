import Foundation

/// A server-drawn SVG chart (no script) as a view: the geometry is worked out here, the template draws it. Bars and
/// points link to what they stand for; every chart has its data as a table too.
struct Chart: Sendable {
    struct BarInput: Sendable {
        var label: String
        var value: Double
        var text: String
        var link: String?
    }

    struct PointInput: Sendable {
        var label: String
        var x: Double
        var y: Double
        var link: String?
    }

    struct Bar: Sendable {
        var label: String
        var shortLabel: String
        var labelY: String
        var barY: String
        var barWidth: String
        var valueX: String
        var text: String
        var link: String?
    }

    struct Tick: Sendable {
        var x: String
        var y: String
        var text: String
    }

    struct Point: Sendable {
        var cx: String
        var cy: String
        var label: String
        /// Written beside the point when there are few enough points to read.
        var caption: String?
        var captionX: String
        var captionY: String
        var link: String?
    }

    var title: String
    var width = 1000
    var height = 0
    var isBars = false
    var bars: [Bar] = []
    var labelWidth = 0
    var isScatter = false
    var points: [Point] = []
    var xTicks: [Tick] = []
    var yTicks: [Tick] = []
    var axisLeft = "0", axisBottom = "0", axisRight = "0", axisTop = "0"
    var xLabel = "", yLabel = ""
    var xLabelX = "0", xLabelY = "0", yLabelX = "0", yLabelY = "0"
    /// The data table under the chart.
    var columns: [String] = []
    var rows: [[String]] = []
    var isEmpty = false

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Round tick values from `low` to `high`: steps of 1, 2, 5, 10, 20, 25 or 50, at most seven ticks.
    static func ticks(_ low: Double, _ high: Double) -> [Double] {
        let span = max(high - low, 1)
        let step = [1.0, 2, 5, 10, 20, 25, 50, 100].first { span / $0 <= 6 } ?? (span / 5).rounded(.up)
        var values: [Double] = []
        var value = (low / step).rounded(.up) * step
        while value <= high + 0.0001 {
            values.append(value)
            value += step
        }
        return values
    }

    /// Horizontal bars, one per item, scaled to `maxValue` (or the largest value).
    static func bars(title: String, _ items: [BarInput], maxValue: Double? = nil) -> Chart {
        var chart = Chart(title: title)
        chart.isBars = true
        chart.isEmpty = items.isEmpty
        let top = max(maxValue ?? items.map(\.value).max() ?? 1, 0.0001)
        let rowHeight = 26.0, labelWidth = 280.0
        chart.labelWidth = Int(labelWidth)
        chart.height = Int(Double(items.count) * rowHeight + 10)
        let room = Double(chart.width) - labelWidth - 90
        chart.bars = items.enumerated().map { index, item in
            let y = Double(index) * rowHeight + 4
            let width = max(0, min(item.value / top, 1.2)) * room
            return Bar(label: item.label, shortLabel: item.label.count > 20 ? String(item.label.prefix(19)) + "…" : item.label,
                       labelY: format(y + 16), barY: format(y + 4), barWidth: format(width), valueX: format(labelWidth + width + 6),
                       text: item.text, link: item.link)
        }
        chart.columns = ["项目", "数值"]
        chart.rows = items.map { [$0.label, $0.text] }
        return chart
    }

    /// Points on two axes; the ranges start below the lowest point so a cluster near the top is spread out.
    static func scatter(title: String, xLabel: String, yLabel: String, _ items: [PointInput], xMax: Double, yMax: Double) -> Chart {
        var chart = Chart(title: title)
        chart.isScatter = true
        chart.isEmpty = items.isEmpty
        chart.height = 460
        let left = 60.0, bottom = 46.0, top = 14.0, right = 30.0
        let width = Double(chart.width), height = Double(chart.height)
        func floorTen(_ v: Double) -> Double { max(0, (v / 10).rounded(.down) * 10) }
        let xLow = floorTen((items.map(\.x).min() ?? 0) - 5), yLow = floorTen((items.map(\.y).min() ?? 0) - 5)
        let xHigh = max(xMax, items.map(\.x).max() ?? xMax), yHigh = max(yMax, items.map(\.y).max() ?? yMax)
        func px(_ x: Double) -> Double { left + (x - xLow) / max(xHigh - xLow, 1) * (width - left - right) }
        func py(_ y: Double) -> Double { height - bottom - (y - yLow) / max(yHigh - yLow, 1) * (height - bottom - top) }
        chart.axisLeft = format(left)
        chart.axisRight = format(width - right)
        chart.axisBottom = format(height - bottom)
        chart.axisTop = format(top)
        for x in ticks(xLow, xHigh) { chart.xTicks.append(Tick(x: format(px(x)), y: format(height - bottom + 18), text: String(Int(x)))) }
        for y in ticks(yLow, yHigh) { chart.yTicks.append(Tick(x: format(left - 8), y: format(py(y) + 4), text: String(Int(y)))) }
        chart.xLabel = xLabel
        chart.yLabel = yLabel
        chart.xLabelX = format((left + width - right) / 2)
        chart.xLabelY = format(height - 8)
        chart.yLabelX = format(left + 8)
        chart.yLabelY = format(top + 14)
        let captioned = items.count <= 25
        chart.points = items.map { item in
            let cx = px(item.x), cy = py(item.y)
            let short = item.label.count > 12 ? String(item.label.prefix(11)) + "…" : item.label
            return Point(cx: format(cx), cy: format(cy), label: "\(item.label)：\(format(item.x))，\(format(item.y))",
                         caption: captioned ? short : nil, captionX: format(min(cx + 7, width - 150)), captionY: format(cy - 6), link: item.link)
        }
        chart.columns = ["项目", xLabel, yLabel]
        chart.rows = items.map { [$0.label, String(format: "%.2f", $0.x), String(format: "%.2f", $0.y)] }
        return chart
    }
}
