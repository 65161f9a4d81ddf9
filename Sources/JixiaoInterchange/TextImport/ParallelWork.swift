import Dispatch
import Foundation

/// Runs the independent pieces of one import (the halves of a long file's rows, the forms of a
/// document) on the machine's cores and returns their results in order, so the outcome is the
/// same as running them one after another.
enum ParallelWork {
    /// `body(0) … body(count - 1)`, in order; in parallel when `worthIt` and there is more than one core.
    /// `cost` estimates each piece's work: the biggest pieces start first, so no core is left
    /// with a long piece at the end while the others wait.
    static func map<T>(_ count: Int, worthIt: Bool, cost: ((Int) -> Int)? = nil, _ body: @Sendable (Int) -> T) -> [T] {
        guard worthIt, count > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else { return (0..<count).map(body) }
        let schedule = cost.map { cost in (0..<count).sorted { cost($0) > cost($1) } } ?? Array(0..<count)
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { turn in
            let index = schedule[turn]
            slots.store(body(index), at: index)
        }
        return slots.take()
    }

    /// One slot per piece; each slot is written by exactly one piece, and read only after
    /// `concurrentPerform` has returned, so no two threads touch the same memory.
    private final class Slots<T>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        func store(_ value: T, at index: Int) {
            buffer[index] = value
        }

        func take() -> [T] {
            buffer.map { $0! }
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }
    }
}
