import Foundation
import Testing
@testable import JixiaoCore

/// The byte-level helpers replace Foundation and standard-library calls on the import path;
/// each must give the same answer as the call it replaced, on the texts the readers see.
@Suite struct TextSearchTests {
    static let texts = [
        "", "项目", "城区分局设备购置项目", "  产出指标\u{3000}", "\t数量指标\n", "达成预期指标并具有一定效果", "总 分",
        "2024年度部门决算公开", "≥95%", "“预算编制数”数据来源：", "a", "ab", "指标指标", "满意度指标类", "其中：", "\u{00A0}x\u{2003}",
        "收入总计增加17,356.89万元，较上年决算增加58.08万元", "占比12.5%的", "的的的", "1与2.", "目标",
    ]
    static let needles = ["", "项目", "指标", "年度", "的", "%", "其中", "x", "预期指", "万元", "标", "a", "ab", "abc", "“"]

    @Test func searchesAgreeWithFoundation() {
        for text in Self.texts {
            for needle in Self.needles {
                #expect(text.has(needle) == (needle.isEmpty || text.contains(needle)), "\(text) / \(needle)")
                let expected = needle.isEmpty ? nil : text.range(of: needle)
                if let expected {
                    #expect(text.byteRange(of: needle) == expected, "\(text) / \(needle)")
                } else if !needle.isEmpty {
                    #expect(text.byteRange(of: needle) == nil, "\(text) / \(needle)")
                }
                #expect(text.hasBytePrefix(needle) == text.hasPrefix(needle), "\(text) / \(needle)")
                #expect(text.hasByteSuffix(needle) == text.hasSuffix(needle), "\(text) / \(needle)")
                #expect(text[...].hasBytePrefix(needle) == text.hasPrefix(needle))
                if !needle.isEmpty {
                    #expect(text.removingAll(needle) == text.replacingOccurrences(of: needle, with: ""), "\(text) / \(needle)")
                }
            }
        }
        // A search inside a substring answers with indices of that substring.
        let text = "项目名称：城区分局项目"
        let tail = text.dropFirst(5)
        let range = tail.byteRange(of: "项目")
        #expect(range.map { String(tail[$0]) } == "项目")
        #expect(range.map { tail[..<$0.lowerBound] } == "城区分局")
    }

    @Test func trimmingAgreesWithFoundationSets() {
        for text in Self.texts {
            #expect(String(text.trimmingSpaces()) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(String(text.trimmingWhiteSpace()) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
        // The hand-written lists are the Unicode properties the Foundation sets are built from.
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isWhiteSpace == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            #expect(scalar.isSpaceOrTab == (value == 9 || scalar.properties.generalCategory == .spaceSeparator), "U+\(String(value, radix: 16))")
        }
    }

    @Test func exactTextComparesBytes() {
        let labels: Set<ExactText> = ["数量", "质量", "满意度"]
        #expect(labels.contains("数量"))
        #expect(!labels.contains("数量指标"))
        #expect(ExactText("社会效益") == ExactText(String("社会效益指标".dropLast(2))))
        var seen: [ExactText: Int] = [:]
        for (n, text) in Self.texts.enumerated() { seen[ExactText(text)] = n }
        #expect(seen.count == Set(Self.texts).count)
        for (n, text) in Self.texts.enumerated() { #expect(seen[text] == Self.texts.lastIndex(of: text) ?? n) }
    }

    @Test func plainNumbersReadAsTheGeneralReaderReadsThem() {
        let shapes = ["0", "5", "-5", "+5", "98.1%", "9,028,372.00", "10.00", "100", "0.55", "-0", "1,,2", "007", "12.", ".5",
                      "5%%", "%5", "1-2", ",5", "-.5", "5.%", "+.25", "999999999999999999", "1234567890123456789", "3.14159", "-0.00", "1,000", "1.2.3"]
        for text in shapes {
            if case .number(let fast) = PrintedNumber.scan(text) {
                let general = Self.generalReading(text)
                #expect(general == fast, "\(text)")
                #expect(general?.places == fast.places && general?.isPercent == fast.isPercent, "\(text)")
                // The exact form carries the same value as the Decimal.
                #expect(fast.exact.map { $0.decimal == fast.value } ?? true, "\(text)")
            }
            // Whatever path reads it, the reading is the general one.
            #expect(PrintedNumber(text: text) == Self.generalReading(text), "\(text)")
        }
        #expect(PrintedNumber(text: "-0")?.value.isNaN == false)
        #expect(PrintedNumber(text: "9.80") == PrintedNumber(Decimal(string: "9.8")!, places: 2))
        #expect(PrintedNumber(text: "99")!.isAtMost(PrintedNumber(100)))
        #expect(!PrintedNumber(text: "100.01")!.isAtMost(PrintedNumber(100)))
        #expect(PrintedNumber(text: "-3")!.isAtMost(PrintedNumber(text: "-2.5")!))
    }

    /// The reading `PrintedNumber(text:)` gave before the byte path existed.
    static func generalReading(_ text: String) -> PrintedNumber? {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "，", with: ",").replacingOccurrences(of: "％", with: "%")
        var percent = false
        if t.hasSuffix("%") { percent = true; t.removeLast() }
        t = t.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.unicodeScalars.allSatisfy({ "0123456789.-+".unicodeScalars.contains($0) }),
              t.filter({ $0 == "." }).count <= 1, let value = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        let places = t.firstIndex(of: ".").map { t.distance(from: t.index(after: $0), to: t.endIndex) } ?? 0
        return PrintedNumber(value, places: places, isPercent: percent)
    }
}
