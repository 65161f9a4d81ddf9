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
        self[...].hasBytePrefix(prefix)
    }

    /// True when the text ends with exactly the bytes of `suffix`.
    package func hasByteSuffix(_ suffix: String) -> Bool {
        self[...].hasByteSuffix(suffix)
    }

    /// The text without leading and trailing Unicode white space (spaces, tabs and line ends:
    /// the `.whitespacesAndNewlines` set).
    package func trimmingWhiteSpace() -> Substring {
        self[...].trimmingWhiteSpace()
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
        withBytes(needle) { TextSearch.firstOffset(of: $1, in: $0) }
    }

    /// True when the text starts with exactly the bytes of `prefix`.
    package func hasBytePrefix(_ prefix: String) -> Bool {
        withBytes(prefix) { hay, pin in pin.count <= hay.count && (pin.isEmpty || memcmp(hay.baseAddress!, pin.baseAddress!, pin.count) == 0) }
    }

    /// True when the text ends with exactly the bytes of `suffix`.
    package func hasByteSuffix(_ suffix: String) -> Bool {
        withBytes(suffix) { hay, pin in
            pin.count <= hay.count && (pin.isEmpty || memcmp(hay.baseAddress! + (hay.count - pin.count), pin.baseAddress!, pin.count) == 0)
        }
    }

    /// Calls `body` with the UTF-8 bytes of this text and of `other`.
    private func withBytes<R>(_ other: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        var other = other
        return other.withUTF8 { pin in
            if let result = utf8.withContiguousStorageIfAvailable({ body($0, pin) }) { return result }
            return Array(utf8).withUnsafeBufferPointer { body($0, pin) }
        }
    }

    /// The text without leading and trailing Unicode white space, trimmed by scalars.
    package func trimmingWhiteSpace() -> Substring {
        trimming { $0.isWhiteSpace }
    }

    /// The text without leading and trailing spaces and tabs, trimmed by scalars.
    package func trimmingSpaces() -> Substring {
        trimming { $0.isSpaceOrTab }
    }

    /// The text without the scalars that satisfy `drop` at either end.
    package func trimming(_ drop: (Unicode.Scalar) -> Bool) -> Substring {
        let scalars = unicodeScalars
        var low = scalars.startIndex, high = scalars.endIndex
        while low < high, drop(scalars[low]) { low = scalars.index(after: low) }
        while high > low, drop(scalars[scalars.index(before: high)]) { high = scalars.index(before: high) }
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

enum TextSearch {
    /// Offset of the first occurrence of `needle` in `hay`; 0 for an empty needle. Candidates
    /// are found by `memchr` on the needle's last byte (for Chinese text a continuation byte,
    /// which varies more than lead bytes) and confirmed with `memcmp`.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = needle.count
        guard count > 0 else { return 0 }
        guard count <= hay.count, let base = hay.baseAddress, let pin = needle.baseAddress else { return nil }
        let last = Int32(pin[count - 1])
        var position = count - 1
        while position < hay.count {
            guard let found = memchr(base + position, last, hay.count - position) else { return nil }
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let start = end - (count - 1)
            if count == 1 || memcmp(base + start, pin, count - 1) == 0 { return start }
            position = end + 1
        }
        return nil
    }
}

extension Unicode.Scalar {
    /// Tab or a space separator (Unicode category Zs: U+0020, U+00A0, U+1680, U+2000–200A,
    /// U+202F, U+205F, U+3000): what `CharacterSet.whitespaces` holds.
    package var isSpaceOrTab: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Unicode White_Space: ASCII 09–0D and 20, U+0085, U+00A0, U+1680, U+2000–200A, U+2028,
    /// U+2029, U+202F, U+205F and U+3000 (the property's list, without a table lookup);
    /// what `CharacterSet.whitespacesAndNewlines` holds.
    package var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
