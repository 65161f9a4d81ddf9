/// Finds where JSON text first breaks the grammar, for error messages (Foundation's decoder
/// reports no position). It validates only; decoding is left to `JSONDecoder`.
public struct JSONSyntaxLocator {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    /// The first syntax error as (line, column, what was expected), both 1-based; nil when the text is valid.
    public static func firstError(in data: [UInt8]) -> (line: Int, column: Int, expected: String)? {
        var locator = JSONSyntaxLocator(bytes: data)
        do {
            locator.skipSpace()
            try locator.value()
            locator.skipSpace()
            if locator.index < locator.bytes.count { throw Stop(expected: "文件结束（多余的内容）") }
            return nil
        } catch let stop as Stop {
            let (line, column) = locator.position()
            return (line, column, stop.expected)
        } catch {
            return nil
        }
    }

    private struct Stop: Error { let expected: String }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    private func position() -> (Int, Int) {
        var line = 1
        var column = 1
        var i = 0
        while i < min(index, bytes.count) {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { index += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard current == byte else { throw Stop(expected: what) }
        index += 1
    }

    private mutating func value() throws {
        depth += 1
        defer { depth -= 1 }
        guard depth < 512 else { throw Stop(expected: "嵌套层数过多") }
        switch current {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case let c? where c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39): try number()
        default: throw Stop(expected: "一个值（对象、数组、字符串、数字、true、false 或 null）")
        }
    }

    private mutating func object() throws {
        index += 1
        skipSpace()
        if current == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw Stop(expected: "字段名（带双引号）") }
            try string()
            skipSpace()
            try expect(UInt8(ascii: ":"), "冒号“:”")
            skipSpace()
            try value()
            skipSpace()
            if current == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "}"), "逗号“,”或右花括号“}”")
            return
        }
    }

    private mutating func array() throws {
        index += 1
        skipSpace()
        if current == UInt8(ascii: "]") { index += 1; return }
        while true {
            skipSpace()
            try value()
            skipSpace()
            if current == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "]"), "逗号“,”或右方括号“]”")
            return
        }
    }

    private mutating func string() throws {
        index += 1
        while let c = current {
            index += 1
            if c == UInt8(ascii: "\"") { return }
            if c == UInt8(ascii: "\\") {
                guard current != nil else { break }
                index += 1
            } else if c < 0x20 {
                index -= 1
                throw Stop(expected: "字符串中的控制字符需转义")
            }
        }
        throw Stop(expected: "字符串结束的双引号")
    }

    private mutating func literal(_ word: String) throws {
        for byte in word.utf8 { try expect(byte, word) }
    }

    private mutating func number() throws {
        let start = index
        while let c = current, (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
                || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { index += 1 }
        if index == start { throw Stop(expected: "数字") }
    }
}
