// swift-tools-version: 6.3;(experimentalCGen)
// (experimentalCGen lets the EmbedLexicons plugin add a generated C file to CaseLensSnapshot.)
// CaseLens: checks case records for victim-blaming and perpetrator-erasing language.
// Pipeline: read → tokenise → match → judge in context → score → report.
import PackageDescription

let package = Package(
    name: "CaseLens",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "caselens", targets: ["caselens"]),
        .library(name: "CaseLensCore", targets: ["CaseLensCore"]),
        .library(name: "CaseLensLexicons", targets: ["CaseLensLexicons"]),
        .library(name: "CaseLensIO", targets: ["CaseLensIO"]),
        .library(name: "CaseLensServer", targets: ["CaseLensServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        // Debian's ICU (libicu-dev), found with pkg-config. Only CaseLensICU sees its headers.
        .systemLibrary(
            name: "CICU", pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"])]),
        // C layer over ICU whose public header has no ICU types (opaque handles, int32 offsets),
        // so Swift modules never load ICU headers next to Foundation's own copy.
        .target(name: "CaseLensICU", dependencies: ["CICU"]),
        // The engine: text, lexicon, matcher, judge, score, report.
        .target(name: "CaseLensCore", dependencies: [
            "CaseLensICU",
            .product(name: "Yams", package: "Yams"),
        ], swiftSettings: [
            // Exclusivity is still checked at compile time; the run-time checks (a thread-local
            // access set consulted on most mutations of class properties and globals) cost about
            // 2.5 % of an audit and are left to debug builds and the tests.
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
        ]),
        // The default lexicons (lexicons/*.yaml), compiled at build time by the engine itself and
        // embedded into the binary as a snapshot: raw bytes in a C target, read in place.
        .executableTarget(name: "lexicon-embed", dependencies: ["CaseLensCore"], path: "Sources/lexicon-embed"),
        .plugin(name: "EmbedLexicons", capability: .buildTool(), dependencies: ["lexicon-embed"]),
        .target(name: "CaseLensSnapshot", plugins: ["EmbedLexicons"]),
        .target(name: "CaseLensLexicons", dependencies: ["CaseLensCore", "CaseLensSnapshot"]),
        // The server's web page and openapi.yaml, embedded as text at build time.
        .executableTarget(name: "text-embed", path: "Sources/text-embed"),
        .plugin(name: "EmbedServerFiles", capability: .buildTool(), dependencies: ["text-embed"]),
        // Many records: readers (txt, md, html, docx, csv), file walker, worker pool, writers
        // (text, jsonl, csv, sarif), baseline, and the health-check summary (md, html + svg).
        .target(name: "CaseLensIO", dependencies: [
            "CaseLensCore",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // `caselens serve`: the HTTP API and the web page (Hummingbird 2), loopback by default.
        .target(name: "CaseLensServer", dependencies: [
            "CaseLensCore",
            .product(name: "Hummingbird", package: "hummingbird"),
        ], exclude: ["Resources"], plugins: ["EmbedServerFiles"]),
        // The command-line interface: thin wiring, no logic.
        .executableTarget(name: "caselens", dependencies: [
            "CaseLensCore", "CaseLensLexicons", "CaseLensIO", "CaseLensServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: [
            // Compiled against the static runtime's modules too, which name every library to link.
            .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
        ], linkerSettings: [
            // Release binary on Linux links Swift's runtime and Foundation statically: start-up
            // (`caselens check` of one note) falls from about 19 ms to 13 ms, mostly the dynamic
            // loader's symbol lookups, and the binary runs where no Swift toolchain is installed.
            .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
        ]),
        .testTarget(name: "CaseLensCoreTests", dependencies: ["CaseLensCore", "CaseLensLexicons", "CaseLensICU"]),
        .testTarget(name: "CaseLensIOTests", dependencies: [
            "CaseLensIO", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "CaseLensServerTests", dependencies: [
            "CaseLensServer", "CaseLensLexicons", .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "CaseLensCLITests", dependencies: [
            "caselens", "CaseLensIO", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
    ]
)
