// libFuzzer's entry for programs that have their own main (libFuzzer's FuzzerDriver.cpp).
// SwiftPM links executables with main renamed to <Module>_main, so the fuzz targets keep a
// main of their own and hand control to libFuzzer through this.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
