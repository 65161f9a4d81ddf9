import Testing
import HummingbirdTesting
@Test func p() {}
