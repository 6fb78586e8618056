// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "missionmap",
    products: [
        .executable(name: "missionmap", targets: ["missionmap"]),
        .library(name: "MissionMap", targets: ["MissionMap"]),
        .library(name: "GeoKit", targets: ["GeoKit"]),
        .library(name: "RasterKit", targets: ["RasterKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // CSVTable works around two behaviours of SwiftCSV 0.10 (see there): stay on 0.10.x.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", .upToNextMinor(from: "0.10.0")),
        // SHA-256 for the prepared-geography cache's keys and checksums.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"])]
        ),
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]
        ),
        .target(name: "GeoKit", dependencies: ["CGEOS", "CPROJ"]),
        // PNG and PDF from an SVG: beside GeoKit, not under MissionMap, which only writes text.
        .target(name: "RasterKit", dependencies: ["CRsvg"]),
        .target(
            name: "MissionMap",
            dependencies: ["GeoKit", .product(name: "SwiftCSV", package: "SwiftCSV"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(
            name: "missionmap",
            dependencies: ["MissionMap", "RasterKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "GeoKitTests", dependencies: ["GeoKit"]),
        .testTarget(name: "RasterKitTests", dependencies: ["RasterKit", "CRsvg"]),
        .testTarget(name: "MissionMapTests", dependencies: ["MissionMap", "GeoKit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["missionmap"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
