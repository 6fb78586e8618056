// swift-tools-version: 6.1
// The benchmarks live in a package of their own, so that the tool and its tests never build
// the benchmark framework. Run from this folder: swift package benchmark
import PackageDescription

let package = Package(
    name: "missionmap-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "missionmap", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "MissionMapBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "MissionMap", package: "missionmap"),
                .product(name: "GeoKit", package: "missionmap"),
            ],
            path: "MissionMapBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
