/// A text compared and hashed by its UTF-8 bytes.
///
/// `String`'s `==` and hashing follow Unicode canonical equivalence, so every comparison of
/// two different Chinese texts normalises both. Labels and keywords of printed forms are
/// matched exactly, byte for byte, and are looked up by the thousand per document; as sets and
/// dictionary keys they use this type.
package struct ExactText: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    package let text: String

    package init(_ text: String) {
        self.text = text
    }

    package init(stringLiteral value: String) {
        text = value
    }

    package var description: String { text }

    package static func == (a: ExactText, b: ExactText) -> Bool {
        a.text.utf8.count == b.text.utf8.count && a.text.utf8.elementsEqual(b.text.utf8)
    }

    package func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension Set where Element == ExactText {
    /// True when the set holds exactly this text.
    package func contains(_ text: String) -> Bool { contains(ExactText(text)) }
}

extension Dictionary where Key == ExactText {
    /// The value stored under exactly this text.
    package subscript(_ text: String) -> Value? { self[ExactText(text)] }
}
