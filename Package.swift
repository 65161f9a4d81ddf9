// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "jixiao",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jixiao", targets: ["jixiao"]),
        .library(name: "JixiaoCore", targets: ["JixiaoCore"]),
        .library(name: "JixiaoInterchange", targets: ["JixiaoInterchange"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The domain: pure, synchronous, Foundation only.
        .target(
            name: "JixiaoCore",
            resources: [.copy("Resources/Profiles")]
        ),
        // Reading and writing documents and reports.
        .target(
            name: "JixiaoInterchange",
            dependencies: ["JixiaoCore"]
        ),
        // The command-line tool: parses arguments, calls the libraries.
        .executableTarget(
            name: "jixiao",
            dependencies: [
                "JixiaoCore",
                "JixiaoInterchange",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "JixiaoCoreTests", dependencies: ["JixiaoCore"]),
        .testTarget(
            name: "JixiaoInterchangeTests",
            dependencies: ["JixiaoCore", "JixiaoInterchange"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "JixiaoCLITests", dependencies: ["jixiao"]),
    ],
    swiftLanguageModes: [.v6]
)
