// swift-tools-version: 6.1
// libFuzzer targets for the two readers of hostile files: the missions log and the boundaries.
// A package of its own, built only by scripts/fuzz with -sanitize=fuzzer,address (libFuzzer
// supplies `main`), in .build-fuzz, so that the tool and its tests never see these flags.
import PackageDescription

let package = Package(
    name: "missionmap-fuzz",
    dependencies: [
        .package(name: "missionmap", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzerDriver", path: "CFuzzerDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzerDriver", .product(name: "MissionMap", package: "missionmap")],
            path: "FuzzSupport"
        ),
        .executableTarget(
            name: "FuzzMissions",
            dependencies: ["FuzzSupport", .product(name: "MissionMap", package: "missionmap")],
            path: "FuzzMissions"
        ),
        .executableTarget(
            name: "FuzzBoundaries",
            dependencies: ["FuzzSupport", .product(name: "MissionMap", package: "missionmap"), .product(name: "GeoKit", package: "missionmap")],
            path: "FuzzBoundaries"
        ),
    ],
    swiftLanguageModes: [.v6]
)
