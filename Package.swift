// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "jixiao",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jixiao", targets: ["jixiao"]),
        .library(name: "JixiaoCore", targets: ["JixiaoCore"]),
        .library(name: "JixiaoProfiles", targets: ["JixiaoProfiles"]),
        .library(name: "JixiaoInterchange", targets: ["JixiaoInterchange"]),
        .library(name: "JixiaoReports", targets: ["JixiaoReports"]),
        .library(name: "JixiaoStore", targets: ["JixiaoStore"]),
        .library(name: "JixiaoStoreSQLite", targets: ["JixiaoStoreSQLite"]),
        .library(name: "JixiaoWeb", targets: ["JixiaoWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The domain: pure, synchronous, Foundation only.
        .target(name: "JixiaoCore"),
        // The scoring profiles shipped as data, read at the edge (the core decodes what it is given).
        .target(name: "JixiaoProfiles", dependencies: ["JixiaoCore"], resources: [.copy("Resources/Profiles")]),
        // libxml2 (the system's): the streaming reader for the XML of office files, the HTML parser for web pages.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Reading and writing documents and reports.
        .target(
            name: "JixiaoInterchange",
            dependencies: ["JixiaoCore", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Resources/ColumnNames.json")]
        ),
        // Reports of what was read, scored and checked: for the terminal and as HTML.
        .target(name: "JixiaoReports", dependencies: ["JixiaoCore", "JixiaoInterchange"]),
        // Repository protocols, records and the conformance suite every backend passes.
        .target(name: "JixiaoStore", dependencies: ["JixiaoCore"]),
        // The embedded default backend: one SQLite file (GRDB).
        .target(
            name: "JixiaoStoreSQLite",
            dependencies: ["JixiaoStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The web system as a library: routes, pages, sessions and roles.
        .target(
            name: "JixiaoWeb",
            dependencies: [
                "JixiaoCore", "JixiaoProfiles", "JixiaoInterchange", "JixiaoReports", "JixiaoStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                // Pages are templates (resource files) that escape by default; a region's layouts can ship as data.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources/Static"), .copy("Resources/Demo"), .copy("Resources/Templates")]
        ),
        // The command-line tool: parses arguments, calls the libraries.
        .executableTarget(
            name: "jixiao",
            dependencies: [
                "JixiaoCore",
                "JixiaoProfiles",
                "JixiaoInterchange",
                "JixiaoReports",
                "JixiaoStore",
                "JixiaoStoreSQLite",
                "JixiaoWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "JixiaoCoreTests", dependencies: ["JixiaoCore", "JixiaoProfiles"]),
        .testTarget(
            name: "JixiaoInterchangeTests",
            dependencies: ["JixiaoCore", "JixiaoProfiles", "JixiaoInterchange", "JixiaoReports"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "JixiaoCLITests", dependencies: ["jixiao"]),
        .testTarget(
            name: "JixiaoStoreSQLiteTests",
            dependencies: ["JixiaoStore", "JixiaoStoreSQLite", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "JixiaoWebTests",
            dependencies: [
                "jixiao", "JixiaoCore", "JixiaoProfiles", "JixiaoStore", "JixiaoStoreSQLite", "JixiaoWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            // The DevTools drivers are run by path (python3), not bundled.
            exclude: ["Browser"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
