import Foundation

/// The ruling lines of each page of `pdftocairo -svg`: stroked straight segments, and filled rectangles thin
/// enough to be a line (how some programs draw borders). Glyph outlines live in `<defs>` and are skipped.
enum PDFRules {
    static func read(_ svg: Data, file: String, deadline: Deadline) throws -> [[RuleSegment]] {
        let parser = try XMLPullParser(svg, file: file, part: "PDF 的版面", deadline: deadline)
        var pages: [[RuleSegment]] = []
        var transforms: [(depth: Int, matrix: Matrix)] = []
        while try parser.next() {
            if parser.isEnd {
                if parser.is("g"), let last = transforms.last, last.depth == parser.depth { transforms.removeLast() }
                continue
            }
            guard parser.isStart else { continue }
            if parser.is("defs") || parser.is("clipPath") || parser.is("mask") || parser.is("pattern") {
                try parser.skipElement()
            } else if parser.is("page") {
                pages.append([])
                transforms.removeAll()
            } else if parser.is("g") {
                if !parser.isEmptyElement, let t = parser.attribute("transform").flatMap(Matrix.init(svg:)) {
                    transforms.append((parser.depth, (transforms.last?.matrix ?? .identity).then(t)))
                }
            } else if parser.is("path"), let d = parser.attribute("d") {
                if pages.isEmpty { pages.append([]) }
                let style = parser.attribute("style") ?? ""
                var matrix = transforms.last?.matrix ?? .identity
                if let own = parser.attribute("transform").flatMap(Matrix.init(svg:)) { matrix = own.then(matrix) }
                let stroked = style.contains("stroke:") && !style.contains("stroke:none")
                let filled = !style.contains("fill:none")
                let points = Path.subpaths(d).map { $0.map(matrix.apply) }
                pages[pages.count - 1] += segments(points, stroked: stroked, filled: filled)
            }
        }
        return pages
    }

    /// Axis-parallel segments of a path: its straight pieces when stroked, the centre line of a thin
    /// filled rectangle when filled.
    static func segments(_ subpaths: [[(Double, Double)]], stroked: Bool, filled: Bool) -> [RuleSegment] {
        var out: [RuleSegment] = []
        for points in subpaths where points.count >= 2 {
            if stroked {
                for (a, b) in zip(points, points.dropFirst()) {
                    if abs(a.1 - b.1) < 0.8, abs(a.0 - b.0) > 2 {
                        out.append(RuleSegment(horizontal: true, at: (a.1 + b.1) / 2, start: min(a.0, b.0), end: max(a.0, b.0)))
                    } else if abs(a.0 - b.0) < 0.8, abs(a.1 - b.1) > 2 {
                        out.append(RuleSegment(horizontal: false, at: (a.0 + b.0) / 2, start: min(a.1, b.1), end: max(a.1, b.1)))
                    }
                }
            } else if filled, points.count <= 6 {
                let xs = points.map(\.0), ys = points.map(\.1)
                let (x0, x1, y0, y1) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
                let w = x1 - x0, h = y1 - y0
                if h <= 2.5, w > 2 { out.append(RuleSegment(horizontal: true, at: (y0 + y1) / 2, start: x0, end: x1)) }
                else if w <= 2.5, h > 2 { out.append(RuleSegment(horizontal: false, at: (x0 + x1) / 2, start: y0, end: y1)) }
            }
        }
        return out
    }

    /// An affine transform `matrix(a,b,c,d,e,f)`.
    struct Matrix {
        var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0
        static let identity = Matrix()

        init() {}

        /// Six numbers `a b c d e f` separated by spaces (how `mutool trace` writes a transform).
        init?(numbers text: String) {
            let n = text.split(separator: " ").compactMap { Double($0) }
            guard n.count == 6 else { return nil }
            (a, b, c, d, e, f) = (n[0], n[1], n[2], n[3], n[4], n[5])
        }

        init?(svg text: String) {
            guard let open = text.firstIndex(of: "("), text.hasPrefix("matrix") || text.hasPrefix("translate") || text.hasPrefix("scale") else { return nil }
            let numbers = text[text.index(after: open)...].split(whereSeparator: { $0 == "," || $0 == " " || $0 == ")" }).compactMap { Double($0) }
            if text.hasPrefix("matrix"), numbers.count == 6 {
                (a, b, c, d, e, f) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
            } else if text.hasPrefix("translate"), let x = numbers.first {
                e = x
                f = numbers.count > 1 ? numbers[1] : 0
            } else if text.hasPrefix("scale"), let x = numbers.first {
                a = x
                d = numbers.count > 1 ? numbers[1] : x
            } else {
                return nil
            }
        }

        func apply(_ p: (Double, Double)) -> (Double, Double) { (a * p.0 + c * p.1 + e, b * p.0 + d * p.1 + f) }

        /// This transform applied first, then `outer`.
        func then(_ outer: Matrix) -> Matrix {
            var m = Matrix()
            m.a = outer.a * a + outer.c * b
            m.b = outer.b * a + outer.d * b
            m.c = outer.a * c + outer.c * d
            m.d = outer.b * c + outer.d * d
            m.e = outer.a * e + outer.c * f + outer.e
            m.f = outer.b * e + outer.d * f + outer.f
            return m
        }
    }

    /// The points of an SVG path's data, one list per subpath; curves contribute their end points only.
    enum Path {
        static func subpaths(_ d: String) -> [[(Double, Double)]] {
            var result: [[(Double, Double)]] = []
            var current: [(Double, Double)] = []
            var command: UInt8 = 0
            var numbers: [Double] = []
            var point = (0.0, 0.0)
            var start = (0.0, 0.0)
            func flushNumbers() {
                switch command {
                case UInt8(ascii: "M"), UInt8(ascii: "L"):
                    var i = 0
                    while i + 1 < numbers.count {
                        point = (numbers[i], numbers[i + 1])
                        if command == UInt8(ascii: "M") && i == 0 {
                            if current.count > 1 { result.append(current) }
                            current = [point]
                            start = point
                        } else {
                            current.append(point)
                        }
                        i += 2
                    }
                case UInt8(ascii: "H"): for x in numbers { point = (x, point.1); current.append(point) }
                case UInt8(ascii: "V"): for y in numbers { point = (point.0, y); current.append(point) }
                case UInt8(ascii: "C"):
                    var i = 0
                    while i + 5 < numbers.count { point = (numbers[i + 4], numbers[i + 5]); current.append(point); i += 6 }
                case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                    if !current.isEmpty { current.append(start); point = start }
                default: break
                }
                numbers.removeAll(keepingCapacity: true)
            }
            var token = ""
            for byte in d.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                    if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { token.append(Character(UnicodeScalar(byte))); continue }
                    if let n = Double(token) { numbers.append(n) }
                    token = ""
                    flushNumbers()
                    command = byte
                case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\t"):
                    if let n = Double(token) { numbers.append(n) }
                    token = ""
                default:
                    token.append(Character(UnicodeScalar(byte)))
                }
            }
            if let n = Double(token) { numbers.append(n) }
            flushNumbers()
            if current.count > 1 { result.append(current) }
            return result
        }
    }
}
