/// missionmap's version, the one place it is written: `missionmap --version` prints it, and
/// anything keyed on the program's output (a cache) can use it.
public let MissionMapVersion = "0.1.0"
