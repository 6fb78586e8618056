// librsvg draws the SVG onto cairo surfaces; cairo writes them as PNG or PDF.
// cairo comes with librsvg-2.0's pkg-config, so one module covers both.
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <cairo-pdf.h>
