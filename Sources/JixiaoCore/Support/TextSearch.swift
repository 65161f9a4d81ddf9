import Foundation

/// Searches and trims on UTF-8 bytes.
///
/// Foundation's `contains`, `range(of:)` and `trimmingCharacters(in:)` bridge to NSString and
/// compare by grapheme clusters, and the standard `hasPrefix` of a Chinese text compares
/// character by character with Unicode normalisation; on Linux that costs microseconds per
/// call. The labels and markers the readers look for are fixed texts matched exactly, so a byte
/// search answers the same question (a UTF-8 match of a whole needle starts and ends on scalar
/// boundaries; only a combining mark right after a match would be read differently).
extension String {
    /// True when `needle` occurs in the text (exact UTF-8 bytes; an empty needle always occurs).
    package func has(_ needle: String) -> Bool {
        self[...].byteOffset(of: needle) != nil
    }

    /// The first occurrence of `needle` (exact UTF-8 bytes), as indices of this text.
    package func byteRange(of needle: String) -> Range<Index>? {
        self[...].byteRange(of: needle)
    }

    /// The text without leading and trailing spaces and tabs (the `.whitespaces` set: tab
    /// and every space separator, such as U+3000).
    package func trimmingSpaces() -> Substring {
        self[...].trimmingSpaces()
    }

    /// The text with every occurrence of `needle` removed (exact UTF-8 bytes).
    package func removingAll(_ needle: String) -> String {
        self[...].removingAll(needle)
    }

    /// True when the text starts with exactly the bytes of `prefix`.
    package func hasBytePrefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    /// True when the text ends with exactly the bytes of `suffix`.
    package func hasByteSuffix(_ suffix: String) -> Bool {
        utf8.hasSuffix(suffix.utf8)
    }

    /// True when the text has at most `limit` characters; the byte count answers most cases.
    package func isShort(_ limit: Int) -> Bool {
        utf8.count <= limit || count <= limit
    }
}

extension Substring {
    /// True when `needle` occurs in the text (exact UTF-8 bytes; an empty needle always occurs).
    package func has(_ needle: String) -> Bool {
        byteOffset(of: needle) != nil
    }

    /// The first occurrence of `needle` (exact UTF-8 bytes), as indices of this text.
    package func byteRange(of needle: String) -> Range<Index>? {
        guard let offset = byteOffset(of: needle) else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// Offset in UTF-8 bytes from the start of this text to the first occurrence of `needle`.
    func byteOffset(of needle: String) -> Int? {
        var needle = needle
        return needle.withUTF8 { pin in
            if let found = utf8.withContiguousStorageIfAvailable({ TextSearch.firstOffset(of: pin, in: $0) }) { return found }
            return Array(utf8).withUnsafeBufferPointer { TextSearch.firstOffset(of: pin, in: $0) }
        }
    }

    /// True when the text starts with exactly the bytes of `prefix`.
    package func hasBytePrefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    /// True when the text ends with exactly the bytes of `suffix`.
    package func hasByteSuffix(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8[utf8.index(utf8.endIndex, offsetBy: -suffix.utf8.count)...].elementsEqual(suffix.utf8)
    }

    /// The text without leading and trailing spaces and tabs, trimmed by scalars.
    package func trimmingSpaces() -> Substring {
        let scalars = unicodeScalars
        var low = scalars.startIndex, high = scalars.endIndex
        while low < high, scalars[low].isSpaceOrTab { low = scalars.index(after: low) }
        while high > low, scalars[scalars.index(before: high)].isSpaceOrTab { high = scalars.index(before: high) }
        return self[low..<high]
    }

    /// The text with every occurrence of `needle` removed (exact UTF-8 bytes).
    package func removingAll(_ needle: String) -> String {
        guard !needle.isEmpty, var range = byteRange(of: needle) else { return String(self) }
        var result = ""
        var rest = self
        repeat {
            result += rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
            guard let next = rest.byteRange(of: needle) else { break }
            range = next
        } while true
        result += rest
        return result
    }
}

extension String.UTF8View {
    /// True when the bytes end with `suffix`.
    package func hasSuffix(_ suffix: String.UTF8View) -> Bool {
        count >= suffix.count && self[index(endIndex, offsetBy: -suffix.count)...].elementsEqual(suffix)
    }
}

enum TextSearch {
    /// Offset of the first occurrence of `needle` in `hay`; 0 for an empty needle.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        let count = needle.count
        guard count <= hay.count else { return nil }
        var i = 0
        let last = hay.count - count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < count && hay[i + k] == needle[k] { k += 1 }
                if k == count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension Unicode.Scalar {
    /// Tab or a space separator (Unicode category Zs): what `CharacterSet.whitespaces` holds.
    var isSpaceOrTab: Bool {
        value == 0x20 || value == 0x09 || (value >= 0x80 && properties.generalCategory == .spaceSeparator)
    }
}
